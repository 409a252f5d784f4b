using FastEndpoints;
using Pipeline.Domain.Tracks;
using Pipeline.Edge.Api.Errors;

namespace Pipeline.Edge.Api.Tracks;

/// <summary>Seed 001 <c>PUT /api/tracks/{track_id}</c>: Changes the given fields of a track (the others stay).</summary>
public sealed class UpdateTrack(TrackStore tracks) : Endpoint<UpdateTrackRequest, TrackResponse>
{
    public override void Configure()
    {
        Put("/api/tracks/{track_id}");
        Description(d => d.WithTags("Tracks"));
        Summary(s => s.Summary = "Changes the given fields of a track (the others stay).");
    }

    public override async Task HandleAsync(UpdateTrackRequest r, CancellationToken ct)
    {
        await tracks.GetOwnedTrackAsync(r.TrackId, User, ct);
        var updated = await tracks.UpdateAsync(r.TrackId,
            new TrackFields(r.Title?.Trim(), r.Description, r.SkillArea, r.DifficultyLevel, r.EstimatedDurationHours, r.UserExpectations), ct)
            ?? throw ApiException.NotFound("Track not found");
        await Send.OkAsync(TrackResponse.From(updated, await tracks.ListModulesAsync(updated.Id, ct)), ct);
    }
}
