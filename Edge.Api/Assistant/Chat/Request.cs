using System.Text.Json.Serialization;
using FastEndpoints;
using FluentValidation;

namespace Pipeline.Edge.Api.Assistant.Chat;

public sealed class Request
{
    public string Message { get; init; } = "";
    /// <summary>Named as the seed writes it (camelCase).</summary>
    [JsonPropertyName("contextRefs")] public ContextRefs? ContextRefs { get; init; }
    public bool Voice { get; init; }
    /// <summary>Continue an earlier assistant conversation of the user's.</summary>
    public long? ConversationId { get; init; }

    public sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Message).NotEmpty().WithMessage("message is required.").MaximumLength(8000).WithMessage("message must be at most 8000 characters.");
            RuleFor(r => r.ContextRefs).Must(c => c is null || c.NoteIds.Length + c.CourseIds.Length <= AssistantContext.MaxRefs)
                .WithMessage($"contextRefs names at most {AssistantContext.MaxRefs} notes and courses.");
            RuleFor(r => r.ConversationId).GreaterThan(0).When(r => r.ConversationId is not null).WithMessage("conversation_id must be a positive number.");
        }
    }
}
