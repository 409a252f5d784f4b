using FastEndpoints;
using MassTransit;
using Microsoft.Extensions.Options;
using Pipeline.Domain.Tracks;
using Pipeline.Edge.Api.Auth;
using Pipeline.Edge.Api.CoursePlanning;
using Pipeline.Edge.Api.Errors;
using Pipeline.Edge.Api.RateLimits;
using Pipeline.Edge.Api.Tracks;
using Pipeline.Messages.Tracks;

namespace Pipeline.Edge.Api.ModuleLearning;

/// <summary>Seed 001 <c>POST /api/ai/generate-lesson</c>: Lesson materials for a module (explanation in Markdown, worked examples, exercises, quiz), stored on the </summary>
public sealed class GenerateLessonEndpoint(TrackStore tracks, LessonTaskStore lessonTasks, IRequestClient<GenerateLesson> lessons,
    ISendEndpointProvider sendEndpoints, IOptions<CoursePlanningOptions> options) : Endpoint<ModuleRequest, LessonResponse>
{
    public override void Configure()
    {
        Post("/api/ai/generate-lesson");
        PreProcessor<AiRateLimit<ModuleRequest>>();
        Description(d => d.WithTags("AI"));
        Summary(s => s.Summary = "Lesson materials for a module (explanation in Markdown, worked examples, exercises, quiz), stored on the "
            + "module: 200 with the lesson when ready within the configured wait, else 202 with a task_id to follow on /api/tasks.");
    }

    public override async Task HandleAsync(ModuleRequest r, CancellationToken ct)
    {
        var module = await tracks.GetOwnedModuleAsync(r.ModuleId!.Value, User, ct);
        var (taskId, task) = await lessonTasks.CreateAsync(User.UserId(), module.Id, module.Title, ct);
        var command = new GenerateLesson(taskId, User.UserId(), module.Id);
        var wait = options.Value.LessonWaitSeconds;
        try
        {
            if (wait == 0)
            {
                await (await sendEndpoints.GetSendEndpoint(Messages.QueueNames.Address(Messages.QueueNames.GenerateLesson))).Send(command, ct);
                await Send.ResponseAsync(new LessonResponse(module.Id, task.TaskId, task.Status, null), StatusCodes.Status202Accepted, ct);
                return;
            }
            var response = await lessons.GetResponse<LessonGenerated, LessonGenerationFailed>(command, ct, RequestTimeout.After(s: wait));
            if (response.Is(out Response<LessonGenerationFailed>? failed))
                throw new ApiException(StatusCodes.Status502BadGateway, $"The AI could not write the lesson: {failed.Message.Reason}");
        }
        catch (RequestTimeoutException)
        {
            await Send.ResponseAsync(new LessonResponse(module.Id, task.TaskId, task.Status, null), StatusCodes.Status202Accepted, ct);
            return;
        }
        catch (Exception e) when (e is not (ApiException or OperationCanceledException))
        {
            await lessonTasks.EndAsync(taskId, succeeded: false, "The task queue is unavailable.", CancellationToken.None);
            throw new ApiException(StatusCodes.Status503ServiceUnavailable, "The AI service is unavailable; please try again.");
        }
        var stored = await tracks.GetModuleAsync(module.Id, ct);
        await Send.OkAsync(new LessonResponse(module.Id, task.TaskId, "completed", stored?.Lesson), ct);
    }
}
