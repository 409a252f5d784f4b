using System.Text.Json.Serialization;

namespace Pipeline.Edge.Api.TutoringChat.Message;

/// <summary><c>context_retention</c> stays null: the engine trims long histories by a token budget, not by a measurable share.</summary>
public sealed record Response(string MessageId, [property: JsonPropertyName("response")] ReplyBody Reply, int TokensUsed, double? ContextRetention);
