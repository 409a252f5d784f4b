namespace Pipeline.Messages.Plans;

public sealed record SuggestedSession(string Title, string Description, DateTimeOffset Start, DateTimeOffset End);
