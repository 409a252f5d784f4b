namespace Pipeline.Domain.Webhooks;

/// <summary>The events a subscription can ask for.</summary>
public static class WebhookEvents
{
    public const string ConceptCompleted = "concept.completed";
    public const string MilestoneAchieved = "milestone.achieved";
    public const string UserStruggled = "user.struggled";
    public const string ExportCompleted = "export.completed";

    public static readonly IReadOnlyList<string> All = [ConceptCompleted, MilestoneAchieved, UserStruggled, ExportCompleted];
}
