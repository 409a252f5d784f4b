using FastEndpoints;
using Pipeline.Domain.Platform;
using Pipeline.Edge.Api.Auth;
using Pipeline.Edge.Api.Goals;

namespace Pipeline.Edge.Api.Notes.Create;

/// <summary><c>POST /api/v1/notes</c> (201); a note may belong to a course the user can see.</summary>
public sealed class Endpoint(NoteStore notes, CourseCatalogue courses) : Endpoint<Request, Note>
{
    public override void Configure()
    {
        Post("/api/v1/notes");
        Description(d => d.WithTags("Notes").Produces<Note>(StatusCodes.Status201Created).ProducesProblem(400).ProducesProblem(401).ProducesProblem(404));
    }

    public override async Task HandleAsync(Request request, CancellationToken ct)
    {
        await courses.EnsureCourseVisibleAsync(User, request.CourseId, ct);
        var note = await notes.CreateAsync(User.UserId(), request.Title.Trim(), request.Content, request.CourseId,
            request.Tags.Select(t => t.Trim()).Distinct().ToArray(), ct);
        await Send.ResponseAsync(note, StatusCodes.Status201Created, ct);
    }
}
