using FastEndpoints;
using FluentValidation;

namespace Pipeline.Edge.Api.CoursePlanning;

public sealed class WelcomeRequest : IPlanningRequest
{
    public long? TrackId { get; init; }
    public long? SessionId { get; init; }
    public long? ChatId { get; init; }

    public sealed class Validator : Validator<WelcomeRequest>
    {
        public Validator() => RuleFor(r => r).Must(r => r.TrackId is not null || r.SessionId is not null || r.ChatId is not null)
            .WithName("track_id").WithMessage("track_id (or session_id or chat_id) is required.");
    }
}
