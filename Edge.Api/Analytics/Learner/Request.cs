using FastEndpoints;
using FluentValidation;

namespace Pipeline.Edge.Api.Analytics.Learner;

public sealed class Request
{
    [BindFrom("user_id")] public long UserId { get; init; }

    public sealed class Validator : Validator<Request>
    {
        public Validator() => RuleFor(r => r.UserId).GreaterThan(0).WithMessage("user_id must be a positive integer.");
    }
}
