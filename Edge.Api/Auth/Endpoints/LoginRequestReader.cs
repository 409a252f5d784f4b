using Pipeline.Edge.Api.Auth.Contracts;
using Pipeline.Edge.Api.Errors;

namespace Pipeline.Edge.Api.Auth.Endpoints;

/// <summary>Reads a login from JSON or from the OAuth2 password form, and says clearly what is missing.</summary>
public static class LoginRequestReader
{
    public const string FormContentType = "application/x-www-form-urlencoded";

    public static async Task<(string Login, string Password)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        LoginRequest? body;
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(cancellationToken);
            body = new LoginRequest(form["username"], form["password"], form["grant_type"], form["email"]);
        }
        else if (request.HasJsonContentType())
        {
            // Malformed JSON throws JsonException, which the error funnel turns into a 400.
            body = await request.ReadFromJsonAsync<LoginRequest>(ApiJson.Options, cancellationToken);
        }
        else
        {
            throw new ApiException(StatusCodes.Status415UnsupportedMediaType, $"Send the login as application/json or {FormContentType}");
        }

        var login = FirstNonBlank(body?.Username, body?.Email);
        var password = body?.Password;
        var problems = new List<FieldProblem>();
        if (login is null) problems.Add(new("username", "Username (or email) is required."));
        if (string.IsNullOrEmpty(password)) problems.Add(new("password", "Password is required."));
        if (body?.GrantType is { Length: > 0 } grantType && grantType != "password")
            problems.Add(new("grant_type", "grant_type must be 'password'."));
        FieldProblem.ThrowIfAny(problems);
        return (login!, password!);
    }

    private static string? FirstNonBlank(params string?[] values) => values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));
}
