namespace RetailInsights.Web.Security;

public static class AuditActions
{
    public const string Upload = "upload";
    public const string Rerun = "rerun";
    public const string Cancel = "cancel";
    public const string Export = "export";
    public const string UserCreated = "user.created";
    public const string UserRoleChanged = "user.role_changed";
    public const string UserPasswordReset = "user.password_reset";
    public const string UserPasswordChanged = "user.password_changed";
    public const string UserDisabled = "user.disabled";
    public const string UserEnabled = "user.enabled";
    public const string ApiKeyCreated = "api_key.created";
    public const string ApiKeyRevoked = "api_key.revoked";
    public const string ApiKeyScopeChanged = "api_key.scope_changed";
    public const string SourceSaved = "source.saved";
    public const string SourceEndpointSaved = "source.endpoint_saved";
    public const string SourceEndpointRemoved = "source.endpoint_removed";
    public const string LiveEventsVoided = "live_events.voided";
}
