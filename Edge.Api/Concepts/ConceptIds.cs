using System.Globalization;

namespace Pipeline.Edge.Api.Concepts;

/// <summary>Seed 003 names exercises "ex-123" and graph nodes "concept-1234"; both forms (and the bare number) are accepted.</summary>
public static class ConceptIds
{
    public static string Exercise(long id) => $"ex-{id}";

    public static string Node(long id) => $"concept-{id}";

    public static bool TryParseExercise(string? value, out long id) => TryParse(value, "ex-", out id);

    public static bool TryParse(string? value, string prefix, out long id)
    {
        id = 0;
        if (string.IsNullOrWhiteSpace(value)) return false;
        var text = value.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) ? value[prefix.Length..] : value;
        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out id) && id > 0;
    }
}
