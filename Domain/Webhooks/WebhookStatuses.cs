namespace Pipeline.Domain.Webhooks;

public static class WebhookStatuses
{
    public const string Active = "active";
    public const string Inactive = "inactive";
    public const string Disabled = "disabled";
    public const string Deleted = "deleted";
}
