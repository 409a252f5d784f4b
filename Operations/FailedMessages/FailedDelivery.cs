using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Pipeline.Operations.FailedMessages;
using Pipeline.Operations.Metrics;
using RabbitMQ.Client;

namespace Pipeline.Operations.FailedMessages;

/// <summary>
/// Reads what MassTransit put on an error queue: the original body and properties plus <c>MT-Fault-*</c> headers
/// (exception type, message, stack trace, timestamp). The task id comes from the envelope's <c>message.taskId</c>.
/// </summary>
public static class FailedDelivery
{
    public static IncomingFailedMessage Read(string errorQueue, IReadOnlyBasicProperties properties, byte[] body, DateTimeOffset receivedAt)
    {
        var queue = errorQueue.EndsWith("_error", StringComparison.Ordinal) ? errorQueue[..^"_error".Length] : errorQueue;
        var headers = properties.Headers;
        var envelope = Envelope.Parse(body);

        var messageId = envelope.MessageId ?? properties.MessageId
            // A message without an id (not sent by MassTransit) is identified by its content.
            ?? "sha256:" + Convert.ToHexStringLower(SHA256.HashData(body));
        var messageType = AmqpHeaderJson.Text(headers, "MT-Fault-MessageType") ?? envelope.MessageType ?? properties.Type ?? "unknown";
        var failedAt = DateTimeOffset.TryParse(AmqpHeaderJson.Text(headers, "MT-Fault-Timestamp"), CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal, out var timestamp) ? timestamp : receivedAt;

        return new IncomingFailedMessage(
            messageId,
            queue,
            MessageTypeName.FromUrn(messageType),
            AmqpHeaderJson.Text(headers, "MT-Fault-ExceptionType") ?? "unknown",
            AmqpHeaderJson.Text(headers, "MT-Fault-Message") ?? AmqpHeaderJson.Text(headers, "MT-Reason") ?? "",
            AmqpHeaderJson.Text(headers, "MT-Fault-StackTrace"),
            AmqpHeaderJson.From(headers).ToJsonString(),
            properties.ContentType,
            body,
            envelope.TaskId,
            PipelineStageOfQueue.Of(queue),
            failedAt);
    }

    private sealed record Envelope(string? MessageId, string? MessageType, Guid? TaskId)
    {
        public static Envelope Parse(byte[] body)
        {
            try
            {
                using var json = JsonDocument.Parse(body);
                var root = json.RootElement;
                if (root.ValueKind != JsonValueKind.Object) return new Envelope(null, null, null);
                var messageId = root.TryGetProperty("messageId", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null;
                var messageType = root.TryGetProperty("messageType", out var types) && types.ValueKind == JsonValueKind.Array
                    && types.GetArrayLength() > 0 ? types[0].GetString() : null;
                Guid? taskId = root.TryGetProperty("message", out var message) && message.ValueKind == JsonValueKind.Object
                    && TryGetCaseInsensitive(message, "taskId", out var task) && task.TryGetGuid(out var guid) ? guid : null;
                return new Envelope(messageId, messageType, taskId);
            }
            catch (JsonException)
            {
                return new Envelope(null, null, null);
            }
        }

        private static bool TryGetCaseInsensitive(JsonElement obj, string name, out JsonElement value)
        {
            foreach (var property in obj.EnumerateObject())
                if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
                {
                    value = property.Value;
                    return value.ValueKind == JsonValueKind.String;
                }
            value = default;
            return false;
        }
    }
}
