using FastEndpoints;
using Pipeline.Domain.Platform;
using Pipeline.Edge.Api.Auth;
using Pipeline.Edge.Api.Lists;

namespace Pipeline.Edge.Api.Notes.List;

/// <summary><c>GET /api/v1/notes</c>: the caller's notes, last changed first (seed 004 refers to notes without documenting them).</summary>
public sealed class Endpoint(NoteStore notes) : Endpoint<Request, ListPage<Note>>
{
    public override void Configure()
    {
        Get("/api/v1/notes");
        Description(d => d.WithTags("Notes").ProducesProblem(400).ProducesProblem(401));
    }

    public override async Task HandleAsync(Request request, CancellationToken ct)
    {
        var (items, total) = await notes.ListAsync(User.UserId(), request.CourseId, request.Limit, request.Offset, ct);
        await Send.OkAsync(new ListPage<Note>(items, total, request.Limit, request.Offset), ct);
    }
}
