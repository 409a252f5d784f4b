namespace Pipeline.Domain.Tasks;

/// <summary>The <c>stage</c> values of seed 002, in pipeline order, with the progress each one starts at.</summary>
public static class TaskStages
{
    public const string Initializing = "initializing";
    public const string ExtractingGoals = "extracting_goals";
    public const string PlanningPathStructure = "planning_path_structure";
    public const string SavingStructure = "saving_structure";
    public const string GeneratingCards = "generating_cards";
    public const string Finished = "finished";

    /// <summary>Card generation fills the progress between this and 100.</summary>
    public const double CardsStartAt = 35;

    public static double ProgressAtStart(string stage) => stage switch
    {
        ExtractingGoals => 5,
        PlanningPathStructure => 15,
        SavingStructure => 30,
        GeneratingCards => CardsStartAt,
        Finished => 100,
        _ => 0,
    };
}
