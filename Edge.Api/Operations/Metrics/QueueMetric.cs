namespace Pipeline.Edge.Api.Operations.Metrics;

public sealed record QueueMetric(string Name, long Messages, long MessagesReady, long MessagesUnacknowledged, int Consumers);
