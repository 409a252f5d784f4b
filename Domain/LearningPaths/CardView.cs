namespace Pipeline.Domain.LearningPaths;

public sealed record CardView(long Id, string Front, string Back);
