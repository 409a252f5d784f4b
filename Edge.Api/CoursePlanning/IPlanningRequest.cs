namespace Pipeline.Edge.Api.CoursePlanning;

/// <summary>The ids a planning request may name, for <see cref="PlanningTargets"/> to resolve.</summary>
public interface IPlanningRequest
{
    long? TrackId { get; }
    long? SessionId { get; }
    long? ChatId { get; }
}
