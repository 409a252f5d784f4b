namespace Pipeline.Edge.Api.Courses.Create;

public enum DifficultyLevel { Beginner, Intermediate, Advanced }
