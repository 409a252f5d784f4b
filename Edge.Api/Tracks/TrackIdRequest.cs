using FastEndpoints;

namespace Pipeline.Edge.Api.Tracks;

public sealed class TrackIdRequest
{
    [BindFrom("track_id")] public long TrackId { get; init; }
}
