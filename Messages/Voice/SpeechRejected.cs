namespace Pipeline.Messages.Voice;

/// <summary>
/// Speech work that could not be done. <paramref name="Kind"/>: <see cref="Unreadable"/> (not decodable audio: corrupt,
/// empty or not the format it claims), <see cref="TooLong"/> (beyond the request's MaxSeconds), <see cref="Failed"/>
/// (the speech engine failed: not the caller's fault).
/// </summary>
public sealed record SpeechRejected(string Kind, string Reason)
{
    public const string Unreadable = "unreadable";
    public const string TooLong = "too_long";
    public const string Failed = "failed";
}
