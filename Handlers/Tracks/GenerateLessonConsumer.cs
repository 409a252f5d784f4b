using System.Text.Json;
using System.Text.Json.Nodes;
using MassTransit;
using Pipeline.Domain.Tasks;
using Pipeline.Domain.Tracks;
using Pipeline.Handlers.Ai;
using Pipeline.Messages.Tracks;

namespace Pipeline.Handlers.Tracks;

/// <summary>
/// Generates a module's lesson, stores it on the module and ends its task. A redelivery of a task that already
/// completed answers at once without calling the model again.
/// </summary>
public sealed class GenerateLessonConsumer(
    LearningContentGenerator generator,
    TrackStore tracks,
    LessonTaskStore lessonTasks,
    TaskStore taskRows) : IConsumer<GenerateLesson>
{
    public async Task Consume(ConsumeContext<GenerateLesson> context)
    {
        var command = context.Message;
        var cancellationToken = context.CancellationToken;
        var task = await taskRows.FindAsync(command.TaskId, cancellationToken);
        var module = await tracks.GetModuleAsync(command.ModuleId, cancellationToken);
        if (task is null || module is null || module.OwnerId != command.UserId)
        {
            await lessonTasks.EndAsync(command.TaskId, succeeded: false, "The module no longer exists.", cancellationToken);
            await RespondAsync(context, new LessonGenerationFailed(command.TaskId, command.ModuleId, "The module no longer exists."));
            return;
        }
        if (task.Status == TaskStatuses.Completed && module.Lesson is not null)
        {
            await RespondAsync(context, new LessonGenerated(command.TaskId, module.Id));
            return;
        }

        var track = await tracks.GetAsync(module.TrackId, cancellationToken);
        var input = new LessonInput(track?.Title ?? "", track?.DifficultyLevel, module.Title, module.Description, module.Objectives);
        try
        {
            var result = await generator.RunAsync(new LessonOperation(input), cancellationToken);
            var lesson = JsonSerializer.SerializeToNode(result.Value, AiWireJson.Options)!.AsObject();
            lesson["generated_at"] = DateTimeOffset.UtcNow;
            lesson["model"] = result.Usage.Model;
            await tracks.SetLessonAsync(module.Id, lesson, cancellationToken);
            await lessonTasks.EndAsync(command.TaskId, succeeded: true, null, cancellationToken);
            await RespondAsync(context, new LessonGenerated(command.TaskId, module.Id));
        }
        catch (AiPermanentException e)
        {
            await lessonTasks.EndAsync(command.TaskId, succeeded: false, e.Message, cancellationToken);
            await RespondAsync(context, new LessonGenerationFailed(command.TaskId, module.Id, e.Message));
        }
    }

    private static Task RespondAsync<T>(ConsumeContext context, T response) where T : class =>
        context.ResponseAddress is null ? Task.CompletedTask : context.RespondAsync(response);
}
