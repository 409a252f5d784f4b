namespace Pipeline.Handlers.Voice;

public sealed record Transcript(string Text, double Confidence, string Language, string Engine);
