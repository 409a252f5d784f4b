namespace Pipeline.Edge.Api.Webhooks.List;

public sealed record Response(IReadOnlyList<WebhookResponse> Webhooks, int Total, int Limit, int Offset);
