using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Microsoft.Extensions.AI;

namespace Pipeline.Handlers.Ai;

/// <summary>
/// An operation's response schema, generated from its answer record by <see cref="AIJsonUtilities.CreateJsonSchema"/>
/// in the wire JSON's naming, with the bounds its validator checks added per property: item counts
/// (minItems/maxItems), non-blank texts of bounded length (minLength, maxLength and a non-whitespace pattern), allowed
/// values (enum) and number ranges. A model that honours the schema therefore never fails validation on any of those;
/// only what JSON Schema cannot say (a front repeating another card's front) is left to the description and the repair
/// loop. Rules name CLR properties (<c>nameof</c>), so a renamed property fails the schema build instead of losing its bound.
/// </summary>
public sealed class AiSchemaRules
{
    /// <summary>The wire options without the lenient number reading, so integers are stated as integers.</summary>
    private static readonly JsonSerializerOptions SchemaOptions = new(AiWireJson.Options)
    {
        NumberHandling = JsonNumberHandling.Strict,
        RespectNullableAnnotations = true,
    };

    private readonly Dictionary<(Type Type, string Property), Action<JsonObject>> _rules = [];

    /// <summary>A non-blank string of at most <paramref name="maxLength"/> characters.</summary>
    public AiSchemaRules Text<T>(string property, int maxLength, string? description = null) =>
        Add<T>(property, node => { BoundText(node, maxLength); Describe(node, description); });

    /// <summary>An array of <paramref name="minItems"/> to <paramref name="maxItems"/> items.</summary>
    public AiSchemaRules Items<T>(string property, int minItems, int maxItems, string? description = null) =>
        Add<T>(property, node => { BoundItems(node, minItems, maxItems); Describe(node, description); });

    /// <summary>An array of <paramref name="minItems"/> to <paramref name="maxItems"/> non-blank strings of at most <paramref name="maxLength"/> characters.</summary>
    public AiSchemaRules TextItems<T>(string property, int minItems, int maxItems, int maxLength, string? description = null) =>
        Add<T>(property, node =>
        {
            BoundItems(node, minItems, maxItems);
            BoundText(node["items"] as JsonObject ?? throw new InvalidOperationException($"{typeof(T).Name}.{property} is not an array of strings."), maxLength);
            Describe(node, description);
        });

    public AiSchemaRules OneOf<T>(string property, IEnumerable<string> values, string? description = null) =>
        Add<T>(property, node => { node["enum"] = new JsonArray(values.Select(value => (JsonNode)JsonValue.Create(value)).ToArray()); Describe(node, description); });

    public AiSchemaRules Range<T>(string property, int minimum, int maximum, string? description = null) =>
        Add<T>(property, node => { node["minimum"] = minimum; node["maximum"] = maximum; Describe(node, description); });

    /// <summary>A number above <paramref name="exclusiveMinimum"/> and at most <paramref name="maximum"/>.</summary>
    public AiSchemaRules Above<T>(string property, double exclusiveMinimum, double maximum, string? description = null) =>
        Add<T>(property, node => { node["exclusiveMinimum"] = exclusiveMinimum; node["maximum"] = maximum; Describe(node, description); });

    /// <summary>The schema of <typeparamref name="TAnswer"/> with these rules, in OpenAI's strict form (every property required, no others).</summary>
    /// <exception cref="InvalidOperationException">A rule names a property the answer does not have.</exception>
    public JsonElement CreateSchema<TAnswer>()
    {
        var applied = new HashSet<(Type, string)>();
        var schema = AIJsonUtilities.CreateJsonSchema(typeof(TAnswer), serializerOptions: SchemaOptions, inferenceOptions: new AIJsonSchemaCreateOptions
        {
            IncludeSchemaKeyword = false,
            TransformSchemaNode = (context, node) =>
            {
                if (context.PropertyInfo is { } property && property.AttributeProvider is MemberInfo member && node is JsonObject schemaNode
                    && _rules.TryGetValue((property.DeclaringType, member.Name), out var rule))
                {
                    rule(schemaNode);
                    applied.Add((property.DeclaringType, member.Name));
                }
                return node;
            },
            TransformOptions = new AIJsonSchemaTransformOptions { DisallowAdditionalProperties = true, RequireAllProperties = true },
        });
        var missing = _rules.Keys.Where(key => !applied.Contains(key)).Select(key => $"{key.Type.Name}.{key.Property}").ToList();
        if (missing.Count > 0)
            throw new InvalidOperationException($"Schema rules for {typeof(TAnswer).Name} name properties it does not have: {string.Join(", ", missing)}.");
        return schema;
    }

    private AiSchemaRules Add<T>(string property, Action<JsonObject> rule)
    {
        _rules[(typeof(T), property)] = rule;
        return this;
    }

    private static void BoundText(JsonObject node, int maxLength)
    {
        node["minLength"] = 1;
        node["maxLength"] = maxLength;
        node["pattern"] = @"\S";
    }

    private static void BoundItems(JsonObject node, int minItems, int maxItems)
    {
        node["minItems"] = minItems;
        node["maxItems"] = maxItems;
    }

    private static void Describe(JsonObject node, string? description)
    {
        if (description is not null) node["description"] = description;
    }
}
