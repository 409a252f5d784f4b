using System.Text.Json;
using System.Text.Json.Nodes;

namespace Pipeline.Tests.Fakes;

/// <summary>Which edge of what a JSON schema allows <see cref="SchemaExtremes"/> answers with.</summary>
public enum SchemaExtreme
{
    /// <summary>Fewest items (minItems), shortest strings (minLength), smallest numbers (minimum), first enum value.</summary>
    Fewest,

    /// <summary>Most items (maxItems), longest strings (maxLength), largest numbers (maximum), last enum value.</summary>
    Most,
}

/// <summary>
/// An answer that a schema-obeying model could give and that sits exactly on the schema's bounds: what a server with
/// strict structured output is entitled to send. Every string differs from every other (a model may not repeat
/// itself either, but JSON Schema cannot say so).
/// </summary>
public static class SchemaExtremes
{
    // Distinct even ignoring case (card fronts and section titles are compared that way): 92 one-character strings.
    private const string ShortTexts = "abcdefghijklmnopqrstuvwxyz0123456789αβγδεζηθικλμνξοπρστυφχψωабвгдежзийклмнопрстуфхцчшщъыьэюя";

    public static string Answer(JsonElement schema, SchemaExtreme extreme)
    {
        var texts = 0;
        return Generate(schema, extreme, ref texts).ToJsonString();
    }

    private static JsonNode Generate(JsonElement schema, SchemaExtreme extreme, ref int texts)
    {
        var fewest = extreme == SchemaExtreme.Fewest;
        if (schema.TryGetProperty("enum", out var values))
        {
            var all = values.EnumerateArray().ToList();
            return JsonNode.Parse((fewest ? all[0] : all[^1]).GetRawText())!;
        }
        switch (TypeOf(schema))
        {
            case "object":
                var result = new JsonObject();
                foreach (var property in schema.GetProperty("properties").EnumerateObject())
                    result[property.Name] = Generate(property.Value, extreme, ref texts);
                return result;
            case "array":
                var count = fewest ? Int(schema, "minItems") ?? 0 : Int(schema, "maxItems") ?? (Int(schema, "minItems") ?? 0) + 3;
                var items = new JsonArray();
                for (var i = 0; i < count; i++) items.Add(Generate(schema.GetProperty("items"), extreme, ref texts));
                return items;
            case "string":
                var number = texts++;
                var length = fewest ? Int(schema, "minLength") ?? 0 : Int(schema, "maxLength") ?? 40;
                return JsonValue.Create(Text(number, length));
            case "integer":
            case "number":
                return JsonValue.Create(fewest ? Int(schema, "minimum") ?? 0 : Int(schema, "maximum") ?? 1000);
            case "boolean":
                return JsonValue.Create(!fewest);
            default:
                throw new NotSupportedException($"No extreme for schema {schema.GetRawText()}");
        }
    }

    /// <summary>A string of exactly <paramref name="length"/> characters, different for every number.</summary>
    private static string Text(int number, int length)
    {
        if (length == 0) return "";
        if (length == 1)
            return number < ShortTexts.Length ? ShortTexts[number].ToString()
                : throw new NotSupportedException("More distinct one-character strings asked for than exist.");
        var head = $"text {number} ";
        return head.Length >= length ? $"{number}".PadLeft(length, 'x')[..length] : head + new string('x', length - head.Length);
    }

    private static string TypeOf(JsonElement schema)
    {
        var type = schema.GetProperty("type");
        return type.ValueKind == JsonValueKind.Array
            ? type.EnumerateArray().Select(t => t.GetString()!).First(t => t != "null")
            : type.GetString()!;
    }

    private static int? Int(JsonElement schema, string keyword) =>
        schema.TryGetProperty(keyword, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt32() : null;
}
