using MassTransit;
using Pipeline.Handlers.Ai;
using Pipeline.Messages.Tracks;

namespace Pipeline.Handlers.Tracks;

/// <summary>Plans a course for a track (structured output, validated and repaired); stores nothing: the edge keeps the draft.</summary>
public sealed class GenerateCoursePlanConsumer(LearningContentGenerator generator) : IConsumer<GenerateCoursePlan>
{
    public async Task Consume(ConsumeContext<GenerateCoursePlan> context)
    {
        var command = context.Message;
        var input = new CoursePlanInput(command.Title, command.Description, command.SkillArea, command.DifficultyLevel,
            command.EstimatedDurationHours, command.UserExpectations, command.Dialogue);
        try
        {
            var result = await generator.RunAsync(new CoursePlanOperation(input), context.CancellationToken);
            await context.RespondAsync(new CoursePlanGenerated(result.Value, result.Usage.PromptTokens, result.Usage.CompletionTokens));
        }
        catch (AiPermanentException e)
        {
            await context.RespondAsync(new CoursePlanFailed(e.Message));
        }
    }
}
