namespace Pipeline.Edge.Api.Voice;

public sealed record TranscriptionFrame(string Text, double Confidence, bool IsFinal, double Duration, string Language);
