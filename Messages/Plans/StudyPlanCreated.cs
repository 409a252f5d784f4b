namespace Pipeline.Messages.Plans;

/// <summary>Response: the plan's summary, who wrote it (offline or openai) and its suggested sessions, in order.</summary>
public sealed record StudyPlanCreated(string Summary, string Provider, IReadOnlyList<SuggestedSession> Sessions);
