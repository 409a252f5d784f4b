using FastEndpoints;
using Pipeline.Domain.Tracks;
using Pipeline.Edge.Api.Auth;

namespace Pipeline.Edge.Api.Tracks;

/// <summary>Seed 001 <c>GET /api/tracks</c>: The caller's tracks, newest first.</summary>
public sealed class ListTracks(TrackStore tracks) : Endpoint<ListTracksRequest, IReadOnlyList<TrackResponse>>
{
    public override void Configure()
    {
        Get("/api/tracks");
        Description(d => d.WithTags("Tracks"));
        Summary(s => s.Summary = "The caller's tracks, newest first.");
    }

    public override async Task HandleAsync(ListTracksRequest request, CancellationToken ct) =>
        await Send.OkAsync((await tracks.ListAsync(User.UserId(), request.Skip, request.Limit, ct)).Select(t => TrackResponse.From(t)).ToList(), ct);
}
