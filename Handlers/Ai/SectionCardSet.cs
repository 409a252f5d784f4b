using Pipeline.Messages.Content;

namespace Pipeline.Handlers.Ai;

/// <summary>The cards answer: structured output needs an object at the top, not a bare array.</summary>
public record SectionCardSet(IReadOnlyList<CardContent> Cards);
