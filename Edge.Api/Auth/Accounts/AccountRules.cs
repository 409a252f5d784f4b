using System.Text.RegularExpressions;
using Pipeline.Edge.Api.Auth.Contracts;

namespace Pipeline.Edge.Api.Auth.Accounts;

/// <summary>What an email, username and password must look like; every broken rule is reported at once as a 400.</summary>
public static partial class AccountRules
{
    public const int MinimumPasswordLength = 8;
    // PBKDF2 cost grows with input; a cap keeps a megabyte "password" from being a cheap denial of service.
    public const int MaximumPasswordLength = 128;

    public static void Check(NewAccount account)
    {
        var problems = new List<FieldProblem>();
        if (EmailProblem(account.Email) is { } email) problems.Add(new("email", email));
        if (account.Username is not null && UsernameProblem(account.Username) is { } username) problems.Add(new("username", username));
        if (PasswordProblem(account.Password) is { } password) problems.Add(new("password", password));
        FieldProblem.ThrowIfAny(problems);
    }

    public static string NormalizeEmail(string email) => email.Trim();

    private static string? EmailProblem(string email) =>
        email.Length <= 254 && EmailPattern().IsMatch(email.Trim()) ? null : "Email is not a valid email address.";

    private static string? UsernameProblem(string username) =>
        UsernamePattern().IsMatch(username) ? null : "Username must be 3-50 characters: letters, digits, '.', '_' or '-'.";

    private static string? PasswordProblem(string password) => password switch
    {
        { Length: < MinimumPasswordLength } => $"Password must be at least {MinimumPasswordLength} characters long.",
        { Length: > MaximumPasswordLength } => $"Password must be at most {MaximumPasswordLength} characters long.",
        _ when !password.Any(char.IsLetter) || !password.Any(char.IsDigit) => "Password must contain both letters and digits.",
        _ => null,
    };

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s.]{2,}$")]
    private static partial Regex EmailPattern();

    // No '@': a login name then never reads as someone else's email.
    [GeneratedRegex(@"^[A-Za-z0-9._-]{3,50}$")]
    private static partial Regex UsernamePattern();
}
