namespace Pipeline.Edge.Api.Users.Update;

public enum LearningLevel { Beginner, Intermediate, Advanced }
