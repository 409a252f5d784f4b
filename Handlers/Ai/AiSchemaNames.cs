namespace Pipeline.Handlers.Ai;

/// <summary>The response-format schema names: on the wire they tell a provider (and the offline one) which answer is asked for.</summary>
public static class AiSchemaNames
{
    public const string LearningGoals = "learning_goals";
    public const string LearningPathPlan = "learning_path_plan";
    public const string SectionCards = "section_cards";
    public const string TutorReply = "tutor_reply";
}
