namespace Pipeline.Edge.Api.Auth;

public static class Roles
{
    public const string Student = "student";
    public const string Instructor = "instructor";
    public const string Admin = "admin";
}
