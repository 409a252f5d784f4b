namespace Pipeline.Edge.Api.Voice;

public sealed record VoiceLimitsInfo(long MaxUtteranceBytes, int MaxUtteranceSeconds, IReadOnlyList<string> Formats);
