namespace Pipeline.Edge.Api.Adaptive.Feedback;

public sealed record Response(bool FeedbackRecorded, bool ProfileUpdated, Adjustments Adjustments);
