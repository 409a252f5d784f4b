namespace Pipeline.Edge.Api.Courses.Create;

public enum CourseVisibility { Private, Public }
