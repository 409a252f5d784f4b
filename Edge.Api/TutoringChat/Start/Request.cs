using FastEndpoints;
using FluentValidation;
using Pipeline.Edge.Api.Conversations;

namespace Pipeline.Edge.Api.TutoringChat.Start;

public sealed class Request
{
    public ChatContext? Context { get; init; }
    public string InitialMessage { get; init; } = "";

    public sealed class ChatContext
    {
        public long? ConceptId { get; init; }
        public string? SessionId { get; init; }
        public string Mode { get; init; } = "tutoring";
    }

    public sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.InitialMessage).NotEmpty().WithMessage("initial_message is required.")
                .MaximumLength(ConversationReplies.MaxMessageLength).WithMessage($"initial_message must be at most {ConversationReplies.MaxMessageLength} characters.");
            When(r => r.Context is not null, () =>
            {
                RuleFor(r => r.Context!.Mode).Must(m => TutorReply.ModePrompts.ContainsKey(m))
                    .WithMessage("context.mode must be one of tutoring, debugging, explaining, practice.").OverridePropertyName("context.mode");
                RuleFor(r => r.Context!.ConceptId).GreaterThan(0).WithMessage("context.concept_id must be a positive integer.")
                    .OverridePropertyName("context.concept_id");
                RuleFor(r => r.Context!.SessionId).MaximumLength(100).WithMessage("context.session_id must be at most 100 characters.")
                    .OverridePropertyName("context.session_id");
            });
        }
    }
}
