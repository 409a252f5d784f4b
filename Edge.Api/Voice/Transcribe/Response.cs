namespace Pipeline.Edge.Api.Voice.Transcribe;

public sealed record Response(Transcription Transcription, TutorAnswer AiResponse);
