using Pipeline.Edge.Api.Schedule.Accept;

namespace Pipeline.Edge.Api.Assistant.CreatePlan;

/// <summary>
/// A study plan: its summary, who wrote it, and <c>suggested_blocks</c> in exactly the shape
/// <c>POST /api/v1/schedule/accept</c> takes (<c>{"blocks": suggested_blocks}</c>), so accepting them is one call.
/// </summary>
public sealed record StudyPlan(string Title, string Summary, string WrittenBy, long? GoalId, long? CourseId, IReadOnlyList<BlockInput> SuggestedBlocks,
    string AcceptWith);
