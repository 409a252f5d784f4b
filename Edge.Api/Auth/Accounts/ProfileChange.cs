namespace Pipeline.Edge.Api.Auth.Accounts;

/// <summary>What <c>PATCH /api/v1/users/{id}</c> changes; null parts stay as they are. JSON parts are objects as text.</summary>
public sealed record ProfileChange(string? DisplayName, string? Preferences, string? LearningProfile, string? TimeZone, string[]? Roles);
