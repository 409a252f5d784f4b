using FastEndpoints;
using Pipeline.Domain.Platform;
using Pipeline.Edge.Api.Auth;
using Pipeline.Edge.Api.Errors;

namespace Pipeline.Edge.Api.Notes.Get;

/// <summary><c>GET /api/v1/notes/{id}</c>: another user's note is 404.</summary>
public sealed class Endpoint(NoteStore notes) : Endpoint<Request, Note>
{
    public override void Configure()
    {
        Get("/api/v1/notes/{id}");
        Description(d => d.WithTags("Notes").ProducesProblem(400).ProducesProblem(401).ProducesProblem(404));
    }

    public override async Task HandleAsync(Request request, CancellationToken ct) =>
        await Send.OkAsync(await notes.FindAsync(User.UserId(), request.Id, ct) ?? throw ApiException.NotFound("Note not found"), ct);
}
