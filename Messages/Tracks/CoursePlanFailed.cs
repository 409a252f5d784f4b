namespace Pipeline.Messages.Tracks;

public sealed record CoursePlanFailed(string Reason);
