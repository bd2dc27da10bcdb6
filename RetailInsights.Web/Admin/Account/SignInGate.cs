using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using RetailInsights.Web.Data.Entities;

namespace RetailInsights.Web.Admin.Account;

/// <summary>
/// Password sign-in that answers an address with no account exactly as a real one: the same words, the same lock-out
/// after <c>Identity:Lockout:MaxFailedAccessAttempts</c> failures for <c>DefaultLockoutTimeSpan</c>, and a password hash
/// checked either way (the time taken tells nothing either); a disabled account answers as an unknown address unless
/// its own password is given. Failures at unknown addresses are counted in
/// <see cref="SignInFailures"/>; a real account's count (Identity's, in the database) is forgotten as theirs are,
/// after a lock-out span without a failure or a restart, so waiting does not tell them apart either.
/// </summary>
public sealed class SignInGate(
    SignInManager<AppUser> signIn,
    UserManager<AppUser> users,
    IPasswordHasher<AppUser> hasher,
    SignInFailures failures,
    IOptions<IdentityOptions> identity)
{
    private static readonly AppUser Nobody = new();
    private static string? _nobodysHash;

    public async Task<SignInResult> PasswordSignInAsync(string email, string password)
    {
        var key = Key(email);
        var user = await users.FindByNameAsync(email);
        if (user is null || user.IsDisabled)
        {
            // A disabled account is told apart only by its own password; a wrong one counts as at an unknown address.
            // Either way a hash is checked, as long as a real sign-in takes.
            if (user is null)
                hasher.VerifyHashedPassword(Nobody, _nobodysHash ??= hasher.HashPassword(Nobody, Guid.NewGuid().ToString("N")), password);
            else if (await users.CheckPasswordAsync(user, password))
                return SignInResult.LockedOut;
            return failures.Fail(key, identity.Value.Lockout) ? SignInResult.LockedOut : SignInResult.Failed;
        }
        if (user.AccessFailedCount > 0 && !failures.FailedRecently(key))
            await users.ResetAccessFailedCountAsync(user);
        var result = await signIn.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
            failures.Forget(key);
        else
            failures.Remember(key, identity.Value.Lockout);
        return result;
    }

    // Long addresses or many: a fixed-size key.
    private static string Key(string email) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(email.Trim().ToUpperInvariant())));
}
