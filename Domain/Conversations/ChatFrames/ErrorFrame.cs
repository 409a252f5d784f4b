using System.Text.Json.Serialization;

namespace Pipeline.Domain.Conversations.ChatFrames;

/// <summary>A bad client frame or a failed reply; <see cref="ChatId"/> says which chat's reply failed (the realtime feed always names it).</summary>
public sealed record ErrorFrame(string Detail, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? ChatId = null) : IChatFrame
{
    public string Type => "error";
}
