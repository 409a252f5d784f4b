namespace Pipeline.Edge.Api.Exercises.Submit;

public sealed record Reading(long ConceptId, string Title);
