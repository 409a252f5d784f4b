namespace Pipeline.Edge.Api.Webhooks.Redeliver;

public sealed record Response(string DeliveryId, string RedeliveryOf, string Status);
