using FastEndpoints;
using FluentValidation;
using Pipeline.Edge.Api.Tracks;

namespace Pipeline.Edge.Api.Chats;

public sealed class CreateChatRequest
{
    public long? SessionId { get; init; }
    public string? Title { get; init; }

    public sealed class Validator : Validator<CreateChatRequest>
    {
        public Validator()
        {
            RuleFor(r => r.SessionId).NotNull().WithMessage("session_id is required.");
            RuleFor(r => r.Title).MaximumLength(TrackRules.MaxTitleLength).WithMessage($"title must be at most {TrackRules.MaxTitleLength} characters.");
        }
    }
}
