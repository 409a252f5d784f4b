using FastEndpoints;
using Pipeline.Domain.Platform;
using Pipeline.Edge.Api.Auth;
using Pipeline.Edge.Api.Errors;
using Pipeline.Edge.Api.Goals;

namespace Pipeline.Edge.Api.Notes.Update;

/// <summary><c>PATCH /api/v1/notes/{id}</c>: the fields given change; another user's note is 404.</summary>
public sealed class Endpoint(NoteStore notes, CourseCatalogue courses) : Endpoint<Request, Note>
{
    public override void Configure()
    {
        Patch("/api/v1/notes/{id}");
        Description(d => d.WithTags("Notes").ProducesProblem(400).ProducesProblem(401).ProducesProblem(404));
    }

    public override async Task HandleAsync(Request request, CancellationToken ct)
    {
        await courses.EnsureCourseVisibleAsync(User, request.CourseId, ct);
        var change = new NoteChange(request.Title?.Trim(), request.Content, request.CourseId, request.Tags?.Select(t => t.Trim()).Distinct().ToArray());
        await Send.OkAsync(await notes.UpdateAsync(User.UserId(), request.Id, change, ct) ?? throw ApiException.NotFound("Note not found"), ct);
    }
}
