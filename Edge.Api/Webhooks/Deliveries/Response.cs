namespace Pipeline.Edge.Api.Webhooks.Deliveries;

public sealed record Response(IReadOnlyList<DeliveryResponse> Deliveries, int Total, int Limit, int Offset);
