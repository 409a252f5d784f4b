using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Pipeline.Edge.Api.Auth.Accounts;
using Pipeline.Edge.Api.Auth.Sessions;
using Pipeline.Edge.Api.Auth.Tokens;

namespace Pipeline.Edge.Api.Auth;

public static class AuthRegistration
{
    public static WebApplicationBuilder AddPipelineAuth(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<AuthOptions>()
            .BindConfiguration(AuthOptions.Section)
            .ValidateDataAnnotations()
            .Validate(options => SigningKey.Problem(options.SigningKey) is null, "Auth:SigningKey is missing or shorter than 32 bytes: set Auth__SigningKey to a random secret, e.g. `head -c 48 /dev/urandom | base64`.")
            .ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.AddMemoryCache();
        services.AddSingleton<IPasswordHasher<UserAccount>, PasswordHasher<UserAccount>>();
        services.AddSingleton<AccessTokenIssuer>();
        services.AddSingleton<ValidatedTokenCache>();
        services.AddSingleton<ActiveSessions>();
        services.AddSingleton<SessionStore>();
        services.AddSingleton<UserStore>();
        services.AddSingleton<LoginThrottle>();
        services.AddSingleton<KnownDevices>();
        services.AddSingleton<AccountService>();
        services.AddSingleton<PasswordHashGate>();
        // The migrations ran before the host started (Program.cs: MigrateDatabaseAsync), so this finds the users table.
        services.AddHostedService<AdminAccountBootstrap>();

        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.AddSingleton<IConfigureOptions<JwtBearerOptions>, JwtBearerSetup>();

        services.AddAuthorizationBuilder()
            // Every mapped endpoint needs a signed-in user unless it says AllowAnonymous. Requests that match no route
            // are let through: the fallback policy would otherwise apply to them too, turning Swagger UI's files (served
            // by middleware), every 404 and the router's own 405/415 answers (plain, non-route endpoints) into 401s.
            .SetFallbackPolicy(new AuthorizationPolicyBuilder()
                .RequireAssertion(context => context.User.Identity?.IsAuthenticated == true
                    || context.Resource is HttpContext http && http.GetEndpoint() is not RouteEndpoint)
                .Build())
            .AddPolicy(Policies.RegisteredUser, policy => policy.RequireAuthenticatedUser().RequireAssertion(context => !context.User.IsGuest()))
            .AddPolicy(Policies.Admin, policy => policy.RequireAuthenticatedUser().RequireRole(Roles.Admin))
            .AddPolicy(Policies.Instructor, policy => policy.RequireAuthenticatedUser().RequireRole(Roles.Instructor, Roles.Admin));
        return builder;
    }
}
