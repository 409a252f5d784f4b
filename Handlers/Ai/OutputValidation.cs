namespace Pipeline.Handlers.Ai;

/// <summary>
/// Collects what is wrong with one model answer, phrased for the model: each error names the JSON path it concerns,
/// because the errors go back verbatim in the repair message.
/// </summary>
public sealed class OutputValidation
{
    private readonly List<string> _errors = [];

    public IReadOnlyList<string> Errors => _errors;

    public void Add(string error) => _errors.Add(error);

    public bool Text(string? value, string path, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value)) { _errors.Add($"{path} must be a non-empty string."); return false; }
        if (value.Length > maxLength) { _errors.Add($"{path} must be at most {maxLength} characters (was {value.Length})."); return false; }
        return true;
    }

    public bool Count<T>(IReadOnlyList<T>? items, string path, int min, int max)
    {
        if (items is null) { _errors.Add($"{path} is missing; it must be an array."); return false; }
        if (items.Count < min || items.Count > max) { _errors.Add($"{path} must have {min} to {max} items (had {items.Count})."); return false; }
        return true;
    }
}
