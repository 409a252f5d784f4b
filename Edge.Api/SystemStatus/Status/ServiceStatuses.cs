namespace Pipeline.Edge.Api.SystemStatus.Status;

public sealed record ServiceStatuses(string Api, string Database, string Redis, string MessageBus, string KnowledgeGraph, string AiService);
