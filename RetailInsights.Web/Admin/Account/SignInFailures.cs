using Microsoft.AspNetCore.Identity;

namespace RetailInsights.Web.Admin.Account;

/// <summary>
/// Failed sign-ins by address, in memory and bounded (<see cref="Capacity"/> addresses; when full, the entries past
/// their time go first, then the oldest): for addresses with no account, the count and lock-out Identity keeps for real
/// ones; for real ones, only when they last failed. An entry is forgotten a lock-out span after its last failure.
/// </summary>
public sealed class SignInFailures(TimeProvider clock)
{
    public const int Capacity = 10_000;

    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    private sealed record Entry(int Failures, DateTimeOffset LockedUntil, DateTimeOffset ForgetAt);

    /// <summary>A failure at an address with no account; true when it is (now) locked out, as Identity counts.</summary>
    public bool Fail(string key, LockoutOptions lockout)
    {
        var now = clock.GetUtcNow();
        lock (_entries)
        {
            var entry = Current(key, now) ?? new Entry(0, DateTimeOffset.MinValue, now);
            if (entry.LockedUntil > now)
                return true;
            var failures = entry.Failures + 1;
            entry = failures >= lockout.MaxFailedAccessAttempts
                ? new Entry(0, now + lockout.DefaultLockoutTimeSpan, now + 2 * lockout.DefaultLockoutTimeSpan)
                : new Entry(failures, DateTimeOffset.MinValue, now + lockout.DefaultLockoutTimeSpan);
            Store(key, entry, now);
            return entry.LockedUntil > now;
        }
    }

    /// <summary>A failure at a real account: only its time is kept (Identity counts it).</summary>
    public void Remember(string key, LockoutOptions lockout)
    {
        var now = clock.GetUtcNow();
        lock (_entries)
            Store(key, new Entry(0, DateTimeOffset.MinValue, now + lockout.DefaultLockoutTimeSpan), now);
    }

    public bool FailedRecently(string key)
    {
        lock (_entries)
            return Current(key, clock.GetUtcNow()) is not null;
    }

    public void Forget(string key)
    {
        lock (_entries)
            _entries.Remove(key);
    }

    private Entry? Current(string key, DateTimeOffset now)
    {
        if (!_entries.TryGetValue(key, out var entry))
            return null;
        if (entry.ForgetAt > now)
            return entry;
        _entries.Remove(key);
        return null;
    }

    private void Store(string key, Entry entry, DateTimeOffset now)
    {
        if (_entries.Count >= Capacity && !_entries.ContainsKey(key))
        {
            foreach (var stale in _entries.Where(e => e.Value.ForgetAt <= now).Select(e => e.Key).ToList())
                _entries.Remove(stale);
            if (_entries.Count >= Capacity)
                _entries.Remove(_entries.MinBy(e => e.Value.ForgetAt).Key);
        }
        _entries[key] = entry;
    }
}
