using FastEndpoints;
using Pipeline.Domain.Tracks;

namespace Pipeline.Edge.Api.Tracks;

/// <summary>Seed 001 <c>DELETE /api/tracks/{track_id}</c>: Deletes a track with its modules, sessions and chats.</summary>
public sealed class DeleteTrack(TrackStore tracks) : Endpoint<TrackIdRequest, DeletedResponse>
{
    public override void Configure()
    {
        Delete("/api/tracks/{track_id}");
        Description(d => d.WithTags("Tracks"));
        Summary(s => s.Summary = "Deletes a track with its modules, sessions and chats.");
    }

    public override async Task HandleAsync(TrackIdRequest request, CancellationToken ct)
    {
        await tracks.GetOwnedTrackAsync(request.TrackId, User, ct);
        await tracks.DeleteAsync(request.TrackId, ct);
        await Send.OkAsync(new DeletedResponse($"Track {request.TrackId} deleted"), ct);
    }
}
