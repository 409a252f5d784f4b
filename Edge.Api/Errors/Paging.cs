using System.Linq.Expressions;
using FluentValidation;

namespace Pipeline.Edge.Api.Errors;

/// <summary>skip/limit query parameters, bounded so a list request cannot ask for the whole table.</summary>
public static class Paging
{
    public const int MaxLimit = 100;

    public static void Validate(int skip, int limit)
    {
        if (skip < 0) throw ApiException.BadRequest("skip must be 0 or more.");
        if (limit is < 1 or > MaxLimit) throw ApiException.BadRequest($"limit must be between 1 and {MaxLimit}.");
    }

    /// <summary>The same rules, for a request's validator.</summary>
    public static void PagingRules<T>(this AbstractValidator<T> validator, Expression<Func<T, int>> skip, Expression<Func<T, int>> limit)
    {
        validator.RuleFor(skip).GreaterThanOrEqualTo(0).WithMessage("skip must be 0 or more.");
        validator.RuleFor(limit).InclusiveBetween(1, MaxLimit).WithMessage($"limit must be between 1 and {MaxLimit}.");
    }
}
