using System.ComponentModel.DataAnnotations;

namespace Pipeline.Edge.Api.CoursePlanning;

/// <summary>Waits of seed 001's AI routes (section <c>CoursePlanning</c>).</summary>
public sealed class CoursePlanningOptions
{
    public const string Section = "CoursePlanning";

    /// <summary>How long generate-plan and welcome-message wait for the plan.</summary>
    [Range(1, 600)] public int PlanWaitSeconds { get; set; } = 60;

    /// <summary>How long generate-lesson waits before answering 202 with the task to follow.</summary>
    [Range(0, 600)] public int LessonWaitSeconds { get; set; } = 20;

    /// <summary>Turns of the planning dialogue sent with a plan request (newest kept).</summary>
    [Range(0, 200)] public int DialogueTurns { get; set; } = 20;
}
