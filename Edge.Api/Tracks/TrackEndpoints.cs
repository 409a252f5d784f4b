using FastEndpoints;
using FluentValidation;
using Pipeline.Domain.Tracks;
using Pipeline.Edge.Api.Auth;
using Pipeline.Edge.Api.Errors;

namespace Pipeline.Edge.Api.Tracks;

// Seed 001 /api/tracks: a learner's tracks (courses of kind 'track') and their modules.

public sealed class ListTracksRequest
{
    [QueryParam] public int Skip { get; init; }
    [QueryParam] public int Limit { get; init; } = 50;

    public sealed class Validator : Validator<ListTracksRequest>
    {
        public Validator()
        {
            RuleFor(r => r.Skip).GreaterThanOrEqualTo(0).WithMessage("skip must be 0 or more.");
            RuleFor(r => r.Limit).InclusiveBetween(1, Paging.MaxLimit).WithMessage($"limit must be between 1 and {Paging.MaxLimit}.");
        }
    }
}

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

public sealed class CreateTrackRequest
{
    public string? Title { get; init; }
    public string? Description { get; init; }
    public string? SkillArea { get; init; }
    public string? DifficultyLevel { get; init; }
    public double? EstimatedDurationHours { get; init; }
    public string? UserExpectations { get; init; }

    public TrackFields ToFields() => new(Title?.Trim(), Description, SkillArea, DifficultyLevel, EstimatedDurationHours, UserExpectations);

    public sealed class Validator : Validator<CreateTrackRequest>
    {
        public Validator() => TrackRules.Apply(this, r => r.Title, r => r.Description, r => r.SkillArea, r => r.DifficultyLevel,
            r => r.EstimatedDurationHours, r => r.UserExpectations, titleRequired: true);
    }
}

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

public sealed class TrackIdRequest
{
    [BindFrom("track_id")] public long TrackId { get; init; }
}

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

public sealed class UpdateTrackRequest
{
    [BindFrom("track_id")] public long TrackId { get; init; }
    public string? Title { get; init; }
    public string? Description { get; init; }
    public string? SkillArea { get; init; }
    public string? DifficultyLevel { get; init; }
    public double? EstimatedDurationHours { get; init; }
    public string? UserExpectations { get; init; }

    public sealed class Validator : Validator<UpdateTrackRequest>
    {
        public Validator() => TrackRules.Apply(this, r => r.Title, r => r.Description, r => r.SkillArea, r => r.DifficultyLevel,
            r => r.EstimatedDurationHours, r => r.UserExpectations, titleRequired: false);
    }
}

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

public sealed record DeletedResponse(string Message);
