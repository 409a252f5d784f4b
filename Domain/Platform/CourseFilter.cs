namespace Pipeline.Domain.Platform;

public enum CourseFilter { All, Enrolled, Created }
