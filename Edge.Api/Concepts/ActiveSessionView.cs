namespace Pipeline.Edge.Api.Concepts;

/// <summary>The caller's open session on a concept, as <c>POST /concepts/{id}/start</c> answered it: what complete needs.</summary>
public sealed record ActiveSessionView(Guid SessionId, DateTimeOffset StartedAt, string LearningMode);
