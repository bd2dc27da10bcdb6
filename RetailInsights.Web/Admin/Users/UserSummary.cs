namespace RetailInsights.Web.Admin.Users;

public sealed record UserSummary(string Id, string Email, string? Role, bool IsDisabled, bool IsLockedOut, int FailedSignIns);
