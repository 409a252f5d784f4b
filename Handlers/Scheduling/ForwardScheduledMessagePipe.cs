using System.Text.Json;
using MassTransit;
using MassTransit.Serialization;

namespace Pipeline.Handlers.Scheduling;

/// <summary>
/// Turns a send into the message that was scheduled: its stored JSON payload, message types, identifiers and headers,
/// so that the consumer sees what the scheduling side sent (a redelivered message keeps its id and redelivery count).
/// </summary>
public sealed class ForwardScheduledMessagePipe(DueScheduledMessage message) : IPipe<SendContext>
{
    public Task Send(SendContext context)
    {
        if (message.MessageId is { } messageId)
            context.MessageId = messageId;
        context.CorrelationId = message.CorrelationId;
        context.ConversationId = message.ConversationId;
        context.InitiatorId = message.InitiatorId;
        context.RequestId = message.RequestId;
        context.SourceAddress = AsUri(message.SourceAddress);
        context.ResponseAddress = AsUri(message.ResponseAddress);
        context.FaultAddress = AsUri(message.FaultAddress);
        if (message.ExpiresAt is { } expiresAt)
            context.TimeToLive = expiresAt - DateTime.UtcNow is var left && left > TimeSpan.Zero ? left : TimeSpan.FromSeconds(1);

        foreach (var (key, value) in JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(message.Headers) ?? [])
        {
            if (AsHeaderValue(value) is { } headerValue)
                context.Headers.Set(key, headerValue);
        }
        // A saga ignores a timeout whose token is not the one it is waiting for.
        context.Headers.Set(MessageHeaders.SchedulingTokenId, message.TokenId.ToString("D"));

        var envelope = new JsonMessageEnvelope
        {
            Message = JsonSerializer.Deserialize<JsonElement>(message.Payload),
            MessageType = message.MessageTypes,
        };
        context.Serializer = new SystemTextJsonBodyMessageSerializer(envelope, SystemTextJsonMessageSerializer.JsonContentType,
            SystemTextJsonMessageSerializer.Options, message.MessageTypes);
        return Task.CompletedTask;
    }

    public void Probe(ProbeContext context) => context.CreateScope("forwardScheduledMessage");

    private static Uri? AsUri(string? address) => string.IsNullOrEmpty(address) ? null : new Uri(address);

    // Transport headers accept primitives only; stored JSON comes back as JsonElement.
    private static object? AsHeaderValue(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number when value.TryGetInt32(out var number) => number,
        JsonValueKind.Number when value.TryGetInt64(out var number) => number,
        JsonValueKind.Number => value.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        _ => value.GetRawText(),
    };
}
