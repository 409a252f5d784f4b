namespace Pipeline.Edge.Api.CoursePlanning;

public sealed record GeneratePlanResponse(PlanView Plan, long? TrackId, long? SessionId, long? ChatId);
