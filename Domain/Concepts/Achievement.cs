namespace Pipeline.Domain.Concepts;

/// <summary>An achievement a learner can earn once.</summary>
public sealed record Achievement(string Id, string Title, string Description)
{
    public static readonly Achievement FirstConcept = new("first_concept", "First Steps", "Completed your first concept");
    public static readonly Achievement FirstMastery = new("first_mastery", "Master", "Mastered your first concept");
    public static readonly Achievement FastLearner = new("fast_learner", "Fast Learner", "Completed concept in under 2 hours");
    public static readonly Achievement FirstExercise = new("first_exercise", "Practice Makes Perfect", "Submitted your first exercise");
    public static readonly Achievement FirstApiDesign = new("first_api_design", "API Designer", "Completed your first API design exercise");
    public static readonly Achievement FirstCode = new("first_coding", "Coder", "Completed your first coding exercise");
    public static readonly Achievement PerfectQuiz = new("perfect_quiz", "Perfect Score", "Answered every question of a quiz correctly");
    public static readonly Achievement Streak3 = new("streak_3_days", "On a Roll", "Learned on three days in a row");
    public static readonly Achievement MilestoneDone = new("milestone_achieved", "Milestone Achieved", "Completed every concept of a milestone");
}
