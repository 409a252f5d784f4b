namespace Pipeline.Domain.Platform;

/// <summary>A course as seed 004 lists it (any kind: a catalogue course, a generated path's course, a track).</summary>
public sealed record CourseSummary(
    long Id,
    string Kind,
    string Title,
    string Description,
    long? OwnerId,
    string Visibility,
    string? SkillArea,
    string? DifficultyLevel,
    double? EstimatedDurationHours,
    string Status,
    int ModuleCount,
    bool Enrolled,
    DateTime CreatedAt);

/// <summary>A module of a course (a row of <c>sections</c>).</summary>
public sealed record CourseModule
{
    public long Id { get; init; }
    public int Position { get; init; }
    public string Title { get; init; } = "";
    public string Description { get; init; } = "";
    public string[] Objectives { get; init; } = [];
    public string[] Keywords { get; init; } = [];
    public double? EstimatedHours { get; init; }
}

public sealed record NewCourseModule(string Title, string Description, string[] Objectives, string[] Keywords, double? EstimatedHours);

public sealed record NewCourse(
    long OwnerId,
    string Title,
    string Description,
    string Visibility,
    string? SkillArea,
    string? DifficultyLevel,
    double? EstimatedDurationHours,
    IReadOnlyList<NewCourseModule> Modules);

public sealed record Enrollment(long UserId, long CourseId, DateTime EnrolledAt, bool AlreadyEnrolled);

public enum CourseFilter { All, Enrolled, Created }
