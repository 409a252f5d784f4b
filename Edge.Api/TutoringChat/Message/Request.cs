using FastEndpoints;
using FluentValidation;
using Pipeline.Edge.Api.Conversations;

namespace Pipeline.Edge.Api.TutoringChat.Message;

public sealed class Request
{
    [BindFrom("chat_id")] public string ChatId { get; init; } = "";
    public string Message { get; init; } = "";
    public bool IncludeCodeExamples { get; init; } = true;

    public sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.ChatId).NotEmpty().MaximumLength(40);
            RuleFor(r => r.Message).NotEmpty().WithMessage("message is required.")
                .MaximumLength(ConversationReplies.MaxMessageLength).WithMessage($"message must be at most {ConversationReplies.MaxMessageLength} characters.");
        }
    }
}
