using FastEndpoints;
using FluentValidation;

namespace Pipeline.Edge.Api.Schedule.Accept;

public sealed class Request
{
    public BlockInput[] Blocks { get; init; } = [];

    public sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Blocks).NotEmpty().WithMessage("blocks must name at least one block.")
                .Must(b => b.Length <= 60).WithMessage("blocks: at most 60 at once.");
            RuleForEach(r => r.Blocks).ChildRules(block =>
            {
                block.RuleFor(b => b.Title).NotEmpty().WithMessage("a block needs a title.").MaximumLength(200).WithMessage("title must be at most 200 characters.");
                block.RuleFor(b => b.Description).MaximumLength(5000).WithMessage("description must be at most 5000 characters.");
                block.RuleFor(b => b.Start).NotNull().WithMessage("start is required.");
                block.RuleFor(b => b.End).NotNull().WithMessage("end is required.")
                    .Must((b, end) => b.Start is null || end is null || (end > b.Start && end - b.Start <= TimeSpan.FromDays(7)))
                    .WithMessage("end must be after start, within 7 days.");
                block.RuleFor(b => b.Recurring!).Must(rule => Recurrence.Problem(rule) is null).When(b => b.Recurring is not null)
                    .WithMessage("recurring must be an RFC 5545 RRULE such as FREQ=WEEKLY;BYDAY=MO,WE.");
            });
        }
    }
}
