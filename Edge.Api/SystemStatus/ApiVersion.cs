namespace Pipeline.Edge.Api.SystemStatus;

public static class ApiVersion
{
    /// <summary>The LearnTrac API version this server implements (seed 003, v1).</summary>
    public const string Current = "1.0.0";
}
