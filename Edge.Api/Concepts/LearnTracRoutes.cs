namespace Pipeline.Edge.Api.Concepts;

/// <summary>Seed 003's prefix; its routes answer errors in the <c>{"error": {...}}</c> envelope (SeedErrorWriter).</summary>
public static class LearnTracRoutes
{
    public const string Prefix = "/api/learntrac/v1";
    public const string Tag = "LearnTrac learning core";
}
