using FastEndpoints;
using FluentValidation;

namespace Pipeline.Edge.Api.Notes.Create;

public sealed class Request
{
    public string Title { get; init; } = "";
    public string Content { get; init; } = "";
    public long? CourseId { get; init; }
    public string[] Tags { get; init; } = [];

    public sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Title).NotEmpty().WithMessage("title is required.").MaximumLength(200).WithMessage("title must be at most 200 characters.");
            RuleFor(r => r.Content).MaximumLength(NoteRules.MaxContent).WithMessage($"content must be at most {NoteRules.MaxContent} characters.");
            RuleFor(r => r.CourseId).GreaterThan(0).When(r => r.CourseId is not null).WithMessage("course_id must be a positive number.");
            RuleFor(r => r.Tags).Must(NoteRules.AreValidTags).WithMessage(NoteRules.TagsMessage);
        }
    }
}
