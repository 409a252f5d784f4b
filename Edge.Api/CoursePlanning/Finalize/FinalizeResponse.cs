using Pipeline.Edge.Api.Tracks;

namespace Pipeline.Edge.Api.CoursePlanning;

public sealed record FinalizeResponse(long TrackId, long SessionId, IReadOnlyList<ModuleResponse> Modules);
