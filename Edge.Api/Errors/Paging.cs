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
}
