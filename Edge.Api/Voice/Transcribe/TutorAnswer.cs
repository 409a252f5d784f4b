namespace Pipeline.Edge.Api.Voice.Transcribe;

public sealed record TutorAnswer(string Answer, IReadOnlyList<long> RelatedConcepts, string ChatId);
