namespace Pipeline.Edge.Api.Users.Update;

public enum UserRole { Student, Instructor, Admin }
