using System.Text.Json.Nodes;
using Pipeline.Tests.Fakes;

namespace Pipeline.Tests.Reliability;

/// <summary>
/// Invalid model answers built from the valid one for the request, so each breaks the schema in one known way. Every
/// string in them carries <see cref="Marker"/>: were any part of such an answer stored, the marker would show.
/// </summary>
public static class BrokenAnswers
{
    public const string Marker = "BROKEN-ANSWER";

    public static readonly string[] Kinds = ["truncated JSON", "prose around the JSON", "extra nesting", "a required field missing", "an array where a string belongs"];

    public static FakeChatReply For(FakeChatRequest request, string kind)
    {
        var valid = Mark(JsonNode.Parse(FakeChatReply.Valid().ContentFor(request))!);
        var content = kind switch
        {
            "truncated JSON" => valid.ToJsonString()[..(valid.ToJsonString().Length / 2)],
            "prose around the JSON" => $"Sure! Here is the JSON you asked for:\n{valid.ToJsonString()}\nLet me know if you need more.",
            "extra nesting" => new JsonObject { ["answer"] = valid }.ToJsonString(),
            "a required field missing" => WithoutFirstProperty(valid).ToJsonString(),
            "an array where a string belongs" => WithFirstArrayAsString(valid).ToJsonString(),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        };
        return FakeChatReply.WithContent(content);
    }

    private static JsonNode Mark(JsonNode node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj.ToList())
                    obj[key] = value is null ? null : Mark(value.DeepClone());
                return obj;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                    if (array[i] is { } item) array[i] = Mark(item.DeepClone());
                return array;
            case JsonValue value when value.TryGetValue<string>(out var text):
                return JsonValue.Create($"{Marker} {text}");
            default:
                return node;
        }
    }

    private static JsonNode WithoutFirstProperty(JsonNode node)
    {
        var obj = node.AsObject();
        obj.Remove(obj.First().Key);
        return obj;
    }

    private static JsonNode WithFirstArrayAsString(JsonNode node)
    {
        var obj = node.AsObject();
        var key = obj.First(p => p.Value is JsonArray).Key;
        obj[key] = Marker;
        return obj;
    }
}
