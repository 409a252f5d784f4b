using FastEndpoints;
using FluentValidation;
using Pipeline.Edge.Api.Conversations;

namespace Pipeline.Edge.Api.ModuleLearning;

public sealed class ModuleChatRequest
{
    public long? ModuleId { get; init; }
    public long? ChatId { get; init; }
    public string? Message { get; init; }

    public sealed class Validator : Validator<ModuleChatRequest>
    {
        public Validator()
        {
            RuleFor(r => r).Must(r => r.ModuleId is not null || r.ChatId is not null).WithName("module_id")
                .WithMessage("module_id (or chat_id) is required.");
            RuleFor(r => r.Message).Must(m => !string.IsNullOrWhiteSpace(m)).WithMessage("message must not be empty.")
                .MaximumLength(ConversationReplies.MaxMessageLength).WithMessage($"message must be at most {ConversationReplies.MaxMessageLength} characters.");
        }
    }
}
