namespace Pipeline.Edge.Api.Voice;

/// <summary>An error on the socket, in seed 003's terms: its error code, the HTTP status it stands for, and what to do.</summary>
public sealed record VoiceErrorFrame(string Code, int Status, string Message, int? RetryAfter = null);
