namespace Pipeline.Edge.Api.Voice;

/// <summary>A server frame: <c>{"type": ..., "data": {...}}</c>.</summary>
public sealed record VoiceServerFrame(string Type, object Data);
