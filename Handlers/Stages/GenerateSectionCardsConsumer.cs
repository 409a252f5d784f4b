using MassTransit;
using Pipeline.Domain.LearningPaths;
using Pipeline.Domain.Tasks;
using Pipeline.Handlers.Ai;
using Pipeline.Messages.Stages;

namespace Pipeline.Handlers.Stages;

/// <summary>
/// Generates one section's cards. A section that already has its cards (a redelivery, or a retry after a crash) is
/// reported without calling the LLM again, and the unique (section, position) key keeps concurrent duplicates out.
/// </summary>
public sealed class GenerateSectionCardsConsumer(ILearningContentGenerator generator, CardWriter cards, TaskCancellation cancellation)
    : IConsumer<GenerateSectionCards>
{
    public async Task Consume(ConsumeContext<GenerateSectionCards> context)
    {
        var command = context.Message;
        var existing = await cards.CountAsync(command.SectionId, context.CancellationToken);
        // A section's cards are inserted by one statement, so any card means an earlier delivery finished the section.
        if (existing > 0)
        {
            await context.Publish(new SectionCardsGenerated(command.TaskId, command.SectionId, existing, LlmUsage.None));
            return;
        }
        var request = new SectionCardRequest(command.PathTitle, command.CourseTitle, command.SectionTitle, command.Keywords,
            command.DifficultyLevel, command.CardCount);
        var result = await cancellation.UnlessCanceledAsync(command.TaskId, () => generator.GenerateCardsAsync(request, context.CancellationToken));
        if (result is null) return;
        var stored = await cards.SaveAsync(command.SectionId, result.Value, context.CancellationToken);
        await context.Publish(new SectionCardsGenerated(command.TaskId, command.SectionId, stored, result.Usage.ToMessage()));
    }
}
