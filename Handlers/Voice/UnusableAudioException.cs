namespace Pipeline.Handlers.Voice;

/// <summary>The audio cannot be used: not decodable, empty, or longer than allowed (<see cref="Kind"/> as in SpeechRejected).</summary>
public sealed class UnusableAudioException(string kind, string message) : Exception(message)
{
    public string Kind { get; } = kind;
}
