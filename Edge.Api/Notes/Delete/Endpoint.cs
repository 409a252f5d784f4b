using FastEndpoints;
using Pipeline.Domain.Platform;
using Pipeline.Edge.Api.Auth;
using Pipeline.Edge.Api.Errors;

namespace Pipeline.Edge.Api.Notes.Delete;

/// <summary><c>DELETE /api/v1/notes/{id}</c>: 204; another user's note is 404.</summary>
public sealed class Endpoint(NoteStore notes) : Endpoint<Get.Request>
{
    public override void Configure()
    {
        Delete("/api/v1/notes/{id}");
        Description(d => d.WithTags("Notes").ProducesProblem(400).ProducesProblem(401).ProducesProblem(404));
    }

    public override async Task HandleAsync(Get.Request request, CancellationToken ct)
    {
        if (!await notes.DeleteAsync(User.UserId(), request.Id, ct)) throw ApiException.NotFound("Note not found");
        await Send.NoContentAsync(ct);
    }
}
