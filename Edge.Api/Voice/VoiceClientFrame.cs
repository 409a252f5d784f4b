using System.Text.Json;

namespace Pipeline.Edge.Api.Voice;

/// <summary>A client frame on <c>/ws/voice</c>: <c>{"action": "connect" | "audio_stream" | "ping", "data": {...}}</c>.</summary>
public sealed record VoiceClientFrame(string? Action, JsonElement? Data);
