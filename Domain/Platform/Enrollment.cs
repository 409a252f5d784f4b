namespace Pipeline.Domain.Platform;

public sealed record Enrollment(long UserId, long CourseId, DateTime EnrolledAt, bool AlreadyEnrolled);
