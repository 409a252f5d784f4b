namespace Pipeline.Messages.Stages;

/// <param name="Usage">What the LLM call cost; zero when the cards already existed (a redelivery).</param>
public record SectionCardsGenerated(Guid TaskId, long SectionId, int CardCount, LlmUsage Usage);
