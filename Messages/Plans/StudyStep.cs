namespace Pipeline.Messages.Plans;

public sealed record StudyStep(string Title, string Description, double Hours);
