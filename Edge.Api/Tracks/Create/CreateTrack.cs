using FastEndpoints;
using Pipeline.Domain.Tracks;
using Pipeline.Edge.Api.Auth;

namespace Pipeline.Edge.Api.Tracks;

/// <summary>Seed 001 <c>POST /api/tracks</c>: Creates a track (201). difficulty_level: beginner, intermediate or advanced.</summary>
public sealed class CreateTrack(TrackStore tracks) : Endpoint<CreateTrackRequest, TrackResponse>
{
    public override void Configure()
    {
        Post("/api/tracks");
        Description(d => d.WithTags("Tracks"));
        Summary(s => s.Summary = "Creates a track (201). difficulty_level: beginner, intermediate or advanced.");
    }

    public override async Task HandleAsync(CreateTrackRequest request, CancellationToken ct) =>
        await Send.ResponseAsync(TrackResponse.From(await tracks.CreateAsync(User.UserId(), request.ToFields(), ct), []), StatusCodes.Status201Created, ct);
}
