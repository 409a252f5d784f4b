using FastEndpoints;
using FluentValidation;

namespace Pipeline.Edge.Api.TutoringChat.Feedback;

public sealed class Request
{
    [BindFrom("chat_id")] public string ChatId { get; init; } = "";
    public string MessageId { get; init; } = "";
    public int? Rating { get; init; }
    public bool? Helpful { get; init; }
    public string? Feedback { get; init; }
    public string? ImprovementSuggestions { get; init; }

    public sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.ChatId).NotEmpty().MaximumLength(40);
            RuleFor(r => r.MessageId).NotEmpty().WithMessage("message_id is required.").MaximumLength(40);
            RuleFor(r => r.Rating).NotNull().WithMessage("rating is required.").InclusiveBetween(1, 5).WithMessage("rating must be between 1 and 5.");
            RuleFor(r => r.Feedback).MaximumLength(2000).WithMessage("feedback must be at most 2000 characters.");
            RuleFor(r => r.ImprovementSuggestions).MaximumLength(2000).WithMessage("improvement_suggestions must be at most 2000 characters.");
        }
    }
}
