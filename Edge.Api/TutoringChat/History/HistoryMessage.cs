using System.Text.Json.Nodes;

namespace Pipeline.Edge.Api.TutoringChat.History;

public sealed record HistoryMessage(string MessageId, string Role, string Content, DateTimeOffset Timestamp, string Status, JsonNode? Feedback);
