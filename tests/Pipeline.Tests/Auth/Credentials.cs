namespace Pipeline.Tests.Auth;

/// <summary>Fresh, valid sign-up data, so tests sharing one database never collide.</summary>
public static class Credentials
{
    public const string GoodPassword = "correct-horse-42";

    public static string NewEmail(string tag = "user") => $"{tag}-{Guid.NewGuid():N}@example.com";
}
