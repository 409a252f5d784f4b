using System.Text.Json;

namespace Pipeline.Handlers.Ai;

/// <summary>
/// One structured-output call: its instructions, its input, the JSON schema it asks for and the validation its answer
/// must pass. <see cref="LearningContentGenerator"/> runs every operation through the same call-validate-repair loop.
/// </summary>
/// <typeparam name="TAnswer">The JSON shape the model answers with.</typeparam>
/// <typeparam name="T">What callers get once the answer is valid.</typeparam>
public abstract class AiOperation<TAnswer, T> where TAnswer : class
{
    /// <summary>The response-format schema name (see <see cref="AiSchemaNames"/>).</summary>
    public abstract string SchemaName { get; }

    public abstract JsonElement Schema { get; }

    public abstract string Instructions { get; }

    /// <summary>Serialized as the user message: models (and the offline provider) read their inputs from there.</summary>
    public abstract object Input { get; }

    public abstract int MaxOutputTokens { get; }

    public virtual float Temperature => 0.3f;

    public AiOutput<T> Read(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return AiOutput<T>.Invalid(["The answer was empty; reply with one JSON object."]);
        TAnswer? answer;
        try
        {
            answer = JsonSerializer.Deserialize<TAnswer>(AiWireJson.StripCodeFence(text), AiWireJson.Options);
        }
        catch (JsonException e)
        {
            // The parser's message names line and position, which is what a model needs to fix it.
            return AiOutput<T>.Invalid([$"The answer is not valid JSON for the schema '{SchemaName}': {e.Message}"]);
        }
        if (answer is null) return AiOutput<T>.Invalid(["The answer was JSON null; reply with one JSON object."]);
        var validation = new OutputValidation();
        var value = Validate(answer, validation);
        return validation.Errors.Count == 0 ? AiOutput<T>.Valid(value) : AiOutput<T>.Invalid(validation.Errors);
    }

    /// <summary>Checks a parsed answer and turns it into the value callers get (e.g. trimmed, extra cards dropped).</summary>
    protected abstract T Validate(TAnswer answer, OutputValidation validation);

    /// <summary>The message of the <see cref="AiPermanentException"/> thrown when repairs did not help.</summary>
    public virtual string DescribeFailure(int repairs, IReadOnlyList<string> errors) =>
        $"AI output for '{SchemaName}' invalid after {repairs} repairs: {string.Join(" ", errors)}";
}
