using Pipeline.Edge.Api.Tracks;

namespace Pipeline.Edge.Api.ModuleLearning;

public sealed record ModuleCompleteResponse(long ModuleId, bool Completed, ModuleResponse? NextModule, bool TrackCompleted, int CompletedModules,
    int TotalModules);
