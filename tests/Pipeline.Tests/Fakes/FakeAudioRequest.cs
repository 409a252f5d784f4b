namespace Pipeline.Tests.Fakes;

/// <summary>One call to the fake's audio endpoints: <c>transcriptions</c> (with the uploaded file) or <c>speech</c> (with the text).</summary>
public sealed record FakeAudioRequest(string Endpoint, string? Model, string? Language, string? ResponseFormat, string? FileName, byte[] File,
    string? Input, string? Voice);
