using FastEndpoints;
using FluentValidation;
using Pipeline.Edge.Api.Tracks;

namespace Pipeline.Edge.Api.Chats;

public sealed class CreateSessionRequest
{
    public long? TrackId { get; init; }
    public string? Title { get; init; }

    public sealed class Validator : Validator<CreateSessionRequest>
    {
        public Validator()
        {
            RuleFor(r => r.TrackId).NotNull().WithMessage("track_id is required.");
            RuleFor(r => r.Title).MaximumLength(TrackRules.MaxTitleLength).WithMessage($"title must be at most {TrackRules.MaxTitleLength} characters.");
        }
    }
}
