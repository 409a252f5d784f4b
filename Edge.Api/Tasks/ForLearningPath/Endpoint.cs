using FastEndpoints;
using Pipeline.Domain.Tasks;
using Pipeline.Edge.Api.Errors;

namespace Pipeline.Edge.Api.Tasks.ForLearningPath;

/// <summary>Seed 002: the latest task that generated a learning path.</summary>
public sealed class Endpoint(TaskStore tasks) : Endpoint<Request, TaskStatusRecord>
{
    public override void Configure()
    {
        Get("/api/tasks/learning-paths/{learning_path_id:long}");
        Description(d => d.WithTags("Tasks").Failures(401, 403, 404));
    }

    public override async Task HandleAsync(Request request, CancellationToken ct)
    {
        var task = await tasks.LatestForLearningPathAsync(request.LearningPathId, ct) ?? throw ApiException.NotFound("Task not found");
        TaskAccess.EnsureVisible(task.UserId, User);
        await Send.OkAsync(task, ct);
    }
}
