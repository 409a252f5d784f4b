using FastEndpoints;
using FluentValidation;

namespace Pipeline.Edge.Api.Lists;

/// <summary>The bounds every seed 004 list shares; a list's own validator adds its filters.</summary>
public abstract class ListQueryValidator<T> : Validator<T> where T : ListQuery
{
    protected ListQueryValidator()
    {
        RuleFor(r => r.Limit).InclusiveBetween(1, ListQuery.MaxLimit).WithMessage($"limit must be between 1 and {ListQuery.MaxLimit}.");
        RuleFor(r => r.Offset).GreaterThanOrEqualTo(0).WithMessage("offset must be 0 or more.");
    }
}
