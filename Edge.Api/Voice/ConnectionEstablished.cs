namespace Pipeline.Edge.Api.Voice;

public sealed record ConnectionEstablished(string SessionId, string Status, bool VoiceEnabled, IReadOnlyList<string> Features, string ChatId,
    VoiceLimitsInfo Limits);
