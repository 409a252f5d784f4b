namespace Pipeline.Edge.Api.Voice;

public sealed record VoiceResponseFrame(string Text, string AudioUrl, double Duration, IReadOnlyList<VisualAid> VisualAids, string ChatId);
