using Pipeline.Edge.Api.Errors;

namespace Pipeline.Edge.Api.Auth.Accounts;

/// <summary>
/// A registration's optional <c>Idempotency-Key</c> header: sending the same registration again with it (after a lost
/// answer) is answered like the first time (<see cref="AccountService.RegisterAsync"/>).
/// </summary>
public static class RegistrationKey
{
    public const string Header = "Idempotency-Key";
    public const int MaxLength = 200;

    public static string? From(HttpContext context)
    {
        var key = context.Request.Headers[Header].ToString();
        if (string.IsNullOrWhiteSpace(key)) return null;
        if (key.Length > MaxLength) throw ApiException.BadRequest($"Idempotency-Key is too long: at most {MaxLength} characters.");
        return key;
    }
}
