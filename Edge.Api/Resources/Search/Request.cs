using FastEndpoints;
using FluentValidation;
using Pipeline.Edge.Api.Lists;

namespace Pipeline.Edge.Api.Resources.Search;

public sealed class Request : ListQuery
{
    /// <summary>What to look for: matched by words (full text) and by meaning (embeddings).</summary>
    [QueryParam] public string? Q { get; init; }
    [QueryParam] public ResourceType? Type { get; init; }

    public sealed class Validator : ListQueryValidator<Request>
    {
        public Validator() => RuleFor(r => r.Q).MaximumLength(500).WithMessage("q must be at most 500 characters.");
    }
}
