namespace Pipeline.Edge.Api.Voice.Transcribe;

public sealed record Transcription(string Text, double Confidence, double Duration, string Language);
