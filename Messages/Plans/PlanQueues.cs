namespace Pipeline.Messages.Plans;

public static class PlanQueues
{
    /// <summary>Accepts <see cref="CreateStudyPlan"/> (request/response).</summary>
    public const string CreateStudyPlans = "create-study-plans";
}
