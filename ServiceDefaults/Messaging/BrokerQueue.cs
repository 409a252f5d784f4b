namespace Pipeline.ServiceDefaults.Messaging;

/// <summary>A queue as the RabbitMQ management API reports it.</summary>
public sealed record BrokerQueue(string Name, long Messages, long MessagesReady, long MessagesUnacknowledged, int Consumers);
