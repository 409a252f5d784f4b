namespace Pipeline.Edge.Api.Auth.Sessions;

/// <summary>A login session just opened (or continued by a refresh), with the refresh token the client gets once.</summary>
public sealed record NewSession(Guid SessionId, long UserId, string RefreshToken);
