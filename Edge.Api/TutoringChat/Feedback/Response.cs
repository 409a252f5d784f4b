namespace Pipeline.Edge.Api.TutoringChat.Feedback;

public sealed record Response(bool FeedbackRecorded, string ThankYouMessage);
