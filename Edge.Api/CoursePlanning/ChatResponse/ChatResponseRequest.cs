using FastEndpoints;
using FluentValidation;
using Pipeline.Edge.Api.Conversations;

namespace Pipeline.Edge.Api.CoursePlanning;

public sealed class ChatResponseRequest : IPlanningRequest
{
    public string? Message { get; init; }
    public long? ChatId { get; init; }
    public long? SessionId { get; init; }
    public long? TrackId { get; init; }

    public sealed class Validator : Validator<ChatResponseRequest>
    {
        public Validator() => RuleFor(r => r.Message).Must(m => !string.IsNullOrWhiteSpace(m)).WithMessage("message must not be empty.")
            .MaximumLength(ConversationReplies.MaxMessageLength).WithMessage($"message must be at most {ConversationReplies.MaxMessageLength} characters.");
    }
}
