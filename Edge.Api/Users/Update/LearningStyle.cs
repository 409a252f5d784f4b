namespace Pipeline.Edge.Api.Users.Update;

public enum LearningStyle { Visual, Auditory, Reading, Kinesthetic }
