using FastEndpoints;
using FluentValidation;

namespace Pipeline.Edge.Api.Notes.Update;

public sealed class Request
{
    public long Id { get; init; }
    public string? Title { get; init; }
    public string? Content { get; init; }
    public long? CourseId { get; init; }
    public string[]? Tags { get; init; }

    public sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Id).GreaterThan(0).WithMessage("id must be a positive number.");
            RuleFor(r => r.Title!).NotEmpty().MaximumLength(200).When(r => r.Title is not null).WithMessage("title must be 1 to 200 characters.");
            RuleFor(r => r.Content!).MaximumLength(NoteRules.MaxContent).When(r => r.Content is not null).WithMessage($"content must be at most {NoteRules.MaxContent} characters.");
            RuleFor(r => r.CourseId).GreaterThan(0).When(r => r.CourseId is not null).WithMessage("course_id must be a positive number.");
            RuleFor(r => r.Tags).Must(NoteRules.AreValidTags).WithMessage(NoteRules.TagsMessage);
        }
    }
}
