using System.Text.Json.Nodes;
using Pipeline.Domain.Tracks;
using Pipeline.Messages.Content;

namespace Pipeline.Edge.Api.CoursePlanning;

/// <summary>A course plan as the API shows and stores it (a session's draft_plan has this shape).</summary>
public sealed record PlanView(string Title, string Summary, IReadOnlyList<PlanModuleView> Modules)
{
    public static PlanView From(CoursePlan plan) => new(plan.Title, plan.Summary,
        plan.Modules.Select((m, i) => new PlanModuleView(i, m.Title, m.Description, m.Objectives, m.EstimatedHours)).ToList());

    public JsonNode ToJson() => System.Text.Json.JsonSerializer.SerializeToNode(this, Errors.ApiJson.Options)!;

    /// <summary>A stored draft (or a client's plan) read back; null when it is not a plan with modules.</summary>
    public static PlanView? FromJson(JsonNode? json)
    {
        if (json is null) return null;
        try
        {
            var plan = System.Text.Json.JsonSerializer.Deserialize<PlanView>(json, Errors.ApiJson.Options);
            return plan?.Modules is { Count: > 0 } ? plan : null;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    public IReadOnlyList<PlannedModule> ToModules() =>
        Modules.Select(m => new PlannedModule(m.Title, m.Description ?? "", m.Objectives ?? [], m.EstimatedHours)).ToList();
}
