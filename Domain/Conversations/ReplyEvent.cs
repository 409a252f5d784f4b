using System.Text.Json;
using System.Text.Json.Serialization;

namespace Pipeline.Domain.Conversations;

/// <summary>
/// What the reply worker announces on a conversation's Redis channel while it answers one user message:
/// <c>started</c> (the reply row exists: <see cref="MessageId"/>), <c>token</c> (<see cref="Delta"/>, numbered by
/// <see cref="Sequence"/>), then one of <c>completed</c>, <c>stopped</c> (with the text so far in <see cref="Content"/>)
/// or <c>failed</c> (<see cref="Detail"/>). Every event names the user message it answers.
/// </summary>
public sealed record ReplyEvent(
    string Type,
    long ConversationId,
    long UserMessageId,
    long MessageId,
    string? Delta = null,
    int Sequence = 0,
    string? Content = null,
    string? Detail = null,
    DateTimeOffset? CreatedAt = null)
{
    public const string Started = "started";
    public const string Token = "token";
    public const string Completed = "completed";
    public const string Stopped = "stopped";
    public const string Failed = "failed";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    [JsonIgnore] public bool IsFinal => Type is Completed or Stopped or Failed;

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static ReplyEvent? FromJson(string json)
    {
        try { return JsonSerializer.Deserialize<ReplyEvent>(json, Json); }
        catch (JsonException) { return null; }
    }
}
