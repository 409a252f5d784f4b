namespace Pipeline.Domain.Voice;

public static class VoiceAudioKinds
{
    public const string Upload = "upload";
    public const string Response = "response";
}
