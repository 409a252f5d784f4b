namespace Pipeline.Handlers.Ai;

/// <summary>Model output after parsing and validation: a value, or the errors to send back for a repair.</summary>
public sealed record AiOutput<T>(T? Value, IReadOnlyList<string> Errors)
{
    public bool IsValid => Errors.Count == 0 && Value is not null;

    public static AiOutput<T> Valid(T value) => new(value, []);

    public static AiOutput<T> Invalid(IReadOnlyList<string> errors) => new(default, errors);
}
