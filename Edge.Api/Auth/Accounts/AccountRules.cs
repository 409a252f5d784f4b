using System.Globalization;
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
        foreach (var (field, name) in new[] { ("first_name", account.FirstName), ("last_name", account.LastName), ("name", account.DisplayName) })
            if (name is not null && NameProblem(name) is { } problem) problems.Add(new(field, problem));
        FieldProblem.ThrowIfAny(problems);
    }

    public const int MaximumNameLength = 100;
    /// <summary>The longest email (RFC 5321's path limit) and so the longest login name worth hashing a guess for.</summary>
    public const int MaximumLoginLength = 254;

    /// <summary>
    /// Surrounding space goes. One spelling per address (compatibility-composed, NFKC: "rené" typed precomposed or with a
    /// combining accent, or in full-width letters, is one account) is applied by PostgreSQL's <c>normalize()</c> when
    /// the row is written and looked up (UserStore): with invariant globalization .NET's Normalize() changes nothing.
    /// </summary>
    public static string NormalizeEmail(string email) => email.Trim();

    /// <summary>The login name as looked up (UserStore normalises it like the stored email).</summary>
    public static string NormalizeLogin(string login) => login.Trim();

    public static string? NormalizeName(string? name) => name?.Trim();

    private static string? EmailProblem(string email) =>
        email.Length > 254 || !EmailPattern().IsMatch(email.Trim()) ? "Email is not a valid email address."
        : HasInvisibleCharacters(email) ? "Email must not contain control, formatting or invisible characters."
        : null;

    private static string? NameProblem(string name) =>
        name.Length > MaximumNameLength ? $"Names must be at most {MaximumNameLength} characters long."
        : HasInvisibleCharacters(name) ? "Names must not contain control, formatting or invisible characters (such as right-to-left overrides or zero-width spaces)."
        : null;

    // Control (bell), format (right-to-left override, zero-width joiner/space, BOM), unassigned and private-use code
    // points let one name look like another, or hide in plain sight.
    private static bool HasInvisibleCharacters(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(text, i);
            if (category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.OtherNotAssigned
                or UnicodeCategory.PrivateUse or UnicodeCategory.Surrogate)
                return true;
            if (char.IsHighSurrogate(text[i])) i++;
        }
        return false;
    }

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
