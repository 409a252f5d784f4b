namespace Pipeline.Edge.Api.Analytics;

/// <summary>Seed 003's dashboard timeframes.</summary>
public static class Timeframes
{
    public static readonly IReadOnlyDictionary<string, int> Days = new Dictionary<string, int>
    {
        ["week"] = 7, ["month"] = 30, ["quarter"] = 91, ["year"] = 365,
    };
}
