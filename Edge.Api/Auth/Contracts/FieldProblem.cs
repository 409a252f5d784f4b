using Pipeline.Edge.Api.Errors;

namespace Pipeline.Edge.Api.Auth.Contracts;

/// <summary>One broken input rule; a list of them becomes the error's <c>details</c> (same form as validation errors).</summary>
public sealed record FieldProblem(string Field, string Message)
{
    public static void ThrowIfAny(IReadOnlyList<FieldProblem> problems)
    {
        if (problems.Count > 0)
            throw ApiException.BadRequest(string.Join(" ", problems.Select(p => p.Message)), problems);
    }
}
