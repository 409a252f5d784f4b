using System.Collections;
using System.Text;
using System.Text.Json.Nodes;
using RabbitMQ.Client;

namespace Pipeline.Operations.FailedMessages;

/// <summary>
/// AMQP header values as JSON: strings arrive as UTF-8 bytes, numbers as numbers. Stored so a retry can send the
/// headers back and an operator can read them.
/// </summary>
public static class AmqpHeaderJson
{
    public static JsonObject From(IDictionary<string, object?>? headers)
    {
        var json = new JsonObject();
        if (headers is null) return json;
        foreach (var (name, value) in headers)
            json[name] = ValueOf(value);
        return json;
    }

    public static string? Text(IDictionary<string, object?>? headers, string name) =>
        headers is not null && headers.TryGetValue(name, out var value) ? ValueOf(value)?.ToString() : null;

    private static JsonNode? ValueOf(object? value) => value switch
    {
        null => null,
        byte[] bytes => JsonValue.Create(Encoding.UTF8.GetString(bytes)),
        string text => JsonValue.Create(text),
        bool flag => JsonValue.Create(flag),
        int or long or short or byte or sbyte or uint or ushort => JsonValue.Create(Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture)),
        float or double or decimal => JsonValue.Create(Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture)),
        AmqpTimestamp timestamp => JsonValue.Create(timestamp.UnixTime),
        IDictionary<string, object?> table => From(table),
        IEnumerable list => new JsonArray(list.Cast<object?>().Select(ValueOf).ToArray()),
        _ => JsonValue.Create(value.ToString()),
    };
}
