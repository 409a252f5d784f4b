namespace Pipeline.Edge.Api.CoursePlanning;

public sealed record WelcomeResponse(string Message, PlanView Plan, long TrackId, long SessionId, long ChatId, long MessageId);
