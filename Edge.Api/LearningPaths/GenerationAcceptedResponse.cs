namespace Pipeline.Edge.Api.LearningPaths;

/// <summary>202 body of the asynchronous form: poll <paramref name="StatusUrl"/> or follow <paramref name="EventsUrl"/>.</summary>
public sealed record GenerationAcceptedResponse(string TaskId, string Status, string Message, string StatusUrl, string EventsUrl);
