using System.Text.Json;

namespace Pipeline.Operations.FailedMessages;

/// <summary>
/// The headers a retried message is sent with: the stored ones without MassTransit's fault description
/// (<c>MT-Fault-*</c>, <c>MT-Reason</c>), which describe the old failure. Everything else is kept, e.g. the redelivery
/// count, so a retried message does not start its scheduled redeliveries over: it gets its in-process retries and then
/// shows up again (with one more failure) if the cause is still there.
/// </summary>
public static class RetryHeaders
{
    public static Dictionary<string, object?> From(string headersJson)
    {
        using var json = JsonDocument.Parse(headersJson);
        var headers = new Dictionary<string, object?>();
        foreach (var header in json.RootElement.EnumerateObject())
        {
            if (header.Name.StartsWith("MT-Fault-", StringComparison.OrdinalIgnoreCase)
                || header.Name.Equals("MT-Reason", StringComparison.OrdinalIgnoreCase))
                continue;
            object? value = header.Value.ValueKind switch
            {
                JsonValueKind.String => header.Value.GetString(),
                JsonValueKind.Number when header.Value.TryGetInt64(out var whole) => whole,
                JsonValueKind.Number => header.Value.GetDouble(),
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                JsonValueKind.Null => null,
                _ => header.Value.GetRawText(),
            };
            if (value is not null) headers[header.Name] = value;
        }
        return headers;
    }
}
