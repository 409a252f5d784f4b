namespace Pipeline.Handlers.Voice;

/// <summary>The speech engine failed (missing tool, timeout, provider error): the caller's audio is not at fault.</summary>
public sealed class SpeechEngineException(string message, Exception? inner = null) : Exception(message, inner);
