namespace Pipeline.Messages.Plans;

/// <summary>
/// Request (queue <c>create-study-plans</c>): a study plan for a goal or a course, answered with
/// <see cref="StudyPlanCreated"/>. <paramref name="Steps"/> are what to study (a course's modules, or a goal's remaining
/// work); sessions are suggested from <paramref name="FirstDay"/> on, in <paramref name="TimeZone"/> (IANA).
/// </summary>
public sealed record CreateStudyPlan(long UserId, string Title, string Description, IReadOnlyList<StudyStep> Steps, string TimeZone, DateOnly FirstDay,
    long? GoalId, long? CourseId);
