namespace Pipeline.Handlers.Webhooks;

public sealed class WebhookTargetRefusedException(string message) : Exception(message);
