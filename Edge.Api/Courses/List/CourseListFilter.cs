namespace Pipeline.Edge.Api.Courses.List;

public enum CourseListFilter { Enrolled, Created }
