using FastEndpoints;
using FluentValidation;
using Pipeline.Domain.Conversations;

namespace Pipeline.Edge.Api.Chats;

public sealed class StatusRequest
{
    [BindFrom("session_id")] public long SessionId { get; init; }
    [BindFrom("chat_id")] public long ChatId { get; init; }
    public string? Status { get; init; }

    public sealed class Validator : Validator<StatusRequest>
    {
        public Validator() => RuleFor(r => r.Status).Must(ConversationStatuses.IsKnown)
            .WithMessage($"status must be one of: {string.Join(", ", ConversationStatuses.All)}.");
    }
}
