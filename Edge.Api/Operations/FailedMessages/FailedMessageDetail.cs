using System.Text.Json;
using Pipeline.Domain.Tasks;

namespace Pipeline.Edge.Api.Operations.FailedMessages;

/// <summary>
/// Everything stored about a failed message. <see cref="DeliveryRetryCount"/> is MassTransit's in-process retry count of
/// the last failure (MT-Fault-RetryCount); <see cref="RetryCount"/> counts operator retries.
/// </summary>
public sealed record FailedMessageDetail(
    FailedMessageSummary Message,
    string? StackTrace,
    JsonElement Headers,
    string? ContentType,
    string Body,
    int? DeliveryRetryCount,
    FailedMessageTask? Task);
