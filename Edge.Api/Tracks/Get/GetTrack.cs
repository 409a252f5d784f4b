using FastEndpoints;
using Pipeline.Domain.Tracks;

namespace Pipeline.Edge.Api.Tracks;

/// <summary>Seed 001 <c>GET /api/tracks/{track_id}</c>: A track with its modules in order.</summary>
public sealed class GetTrack(TrackStore tracks) : Endpoint<TrackIdRequest, TrackResponse>
{
    public override void Configure()
    {
        Get("/api/tracks/{track_id}");
        Description(d => d.WithTags("Tracks"));
        Summary(s => s.Summary = "A track with its modules in order.");
    }

    public override async Task HandleAsync(TrackIdRequest request, CancellationToken ct)
    {
        var track = await tracks.GetOwnedTrackAsync(request.TrackId, User, ct);
        await Send.OkAsync(TrackResponse.From(track, await tracks.ListModulesAsync(track.Id, ct)), ct);
    }
}
