namespace Pipeline.Handlers.Tracks;

/// <summary>The response-format schema names of seed 001's structured-output calls (see also <c>AiSchemaNames</c>).</summary>
public static class TrackSchemaNames
{
    public const string CoursePlan = "course_plan";
    public const string ModuleLesson = "module_lesson";
}
