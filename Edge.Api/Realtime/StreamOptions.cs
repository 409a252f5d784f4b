using System.ComponentModel.DataAnnotations;

namespace Pipeline.Edge.Api.Realtime;

/// <summary>Long-lived answers (Server-Sent Events, WebSockets) hold a connection and a Redis subscription each.</summary>
public sealed class StreamOptions
{
    public const string Section = "Pipeline:Streams";

    /// <summary>Streams and sockets one user may hold open on one edge instance; one more is refused (429 / close 1008).</summary>
    [Range(1, 10_000)] public int MaxPerUser { get; set; } = 10;

    /// <summary>How often open streams check that their login session is still active; a revoked one ends its streams.</summary>
    [Range(1, 3600)] public int SessionCheckSeconds { get; set; } = 5;
}
