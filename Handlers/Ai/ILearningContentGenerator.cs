using Pipeline.Messages.Content;

namespace Pipeline.Handlers.Ai;

/// <summary>
/// The three AI operations of the learning-path pipeline. One LLM call each (plus bounded repairs), so a path costs
/// 2 + (number of sections) calls. Implemented over <c>IChatClient</c> with structured (JSON schema) output.
/// Throws <see cref="AiTransientException"/> for errors worth retrying and <see cref="AiPermanentException"/> otherwise.
/// </summary>
public interface ILearningContentGenerator
{
    Task<AiResult<LearningGoals>> ExtractGoalsAsync(string prompt, CancellationToken cancellationToken);

    Task<AiResult<PlannedPath>> PlanPathAsync(string prompt, LearningGoals goals, CancellationToken cancellationToken);

    Task<AiResult<IReadOnlyList<CardContent>>> GenerateCardsAsync(SectionCardRequest request, CancellationToken cancellationToken);
}
