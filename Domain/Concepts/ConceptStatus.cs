namespace Pipeline.Domain.Concepts;

/// <summary>A learner's status on a concept (seed 003's list filter values, plus completed).</summary>
public static class ConceptStatus
{
    public const string New = "new";
    public const string Learning = "learning";
    public const string Practicing = "practicing";
    public const string Completed = "completed";
    public const string Mastered = "mastered";

    public static readonly string[] All = [New, Learning, Practicing, Completed, Mastered];

    public static bool IsDone(string status) => status is Completed or Mastered;
}
