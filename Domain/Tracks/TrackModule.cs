using System.Text.Json.Nodes;

namespace Pipeline.Domain.Tracks;

/// <summary>A module of a track: a row of <c>sections</c> under the track's course, in <see cref="Position"/> order.</summary>
public sealed record TrackModule(
    long Id,
    long TrackId,
    long OwnerId,
    int Position,
    string Title,
    string Description,
    string[] Objectives,
    double? EstimatedHours,
    JsonNode? Lesson,
    bool IsCompleted,
    DateTimeOffset CreatedAt);
