using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Pipeline.Domain.Concepts;
using Pipeline.Domain.Trac;
using Pipeline.Domain.Database;

namespace Pipeline.Handlers.Trac;

/// <summary>
/// How a Trac ticket becomes a concept (README "Trac compatibility" documents the custom fields):
/// title = summary, tags = keywords, difficulty = <c>learning_difficulty</c> (1-5), estimated time = <c>time_estimate</c>
/// ("45m", "2h", "1h30m" or minutes), <c>mastery_threshold</c> (0-1), <c>learning_objectives</c> (one per line),
/// <c>learning_resources</c> (one per line: <c>type | title | url</c>), <c>learning_exercises</c> (a JSON array).
/// Malformed fields fall back to defaults: a bad ticket never stops the import.
/// </summary>
public static partial class TicketToConcept
{
    public const string Difficulty = "learning_difficulty";
    public const string TimeEstimate = "time_estimate";
    public const string MasteryThreshold = "mastery_threshold";
    public const string Objectives = "learning_objectives";
    public const string Resources = "learning_resources";
    public const string Exercises = "learning_exercises";
    public const string BlockedBy = "blockedby";
    public const string Blocking = "blocking";

    private static readonly JsonSerializerOptions Json = StoredJson.Options;

    public static ConceptImport Convert(TracTicket t)
    {
        var minutes = Minutes(t.Custom.GetValueOrDefault(TimeEstimate));
        var concept = new Concept(
            t.Id,
            string.IsNullOrWhiteSpace(t.Summary) ? $"Ticket #{t.Id}" : t.Summary.Trim(),
            t.Description ?? "",
            string.IsNullOrWhiteSpace(t.Type) ? "task" : t.Type.Trim(),
            Blank(t.Component), Blank(t.Milestone), null,
            (t.Keywords ?? "").Split([' ', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            Math.Clamp(Number(t.Custom.GetValueOrDefault(Difficulty)) ?? 3, 1, 5),
            Math.Clamp(Number(t.Custom.GetValueOrDefault(MasteryThreshold)) ?? 0.8, 0.05, 1),
            minutes,
            t.Custom.GetValueOrDefault(TimeEstimate) is { Length: > 0 } raw ? raw.Trim() : FormatMinutes(minutes),
            Lines(t.Custom.GetValueOrDefault(Objectives)),
            Lines(t.Custom.GetValueOrDefault(Resources)).Select(ParseResource).OfType<ConceptResource>().ToList(),
            t.Custom,
            Prerequisites: [],
            TracTime.ToDateTime(t.Time),
            TracTime.ToDateTime(t.ChangeTime));
        return new ConceptImport(concept, ParseExercises(t.Custom.GetValueOrDefault(Exercises)), t.ChangeTime);
    }

    /// <summary>Ticket numbers in a MasterTickets field ("12, 15", "#12 #15").</summary>
    public static IEnumerable<long> TicketNumbers(string? value) =>
        (value ?? "").Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => long.TryParse(s.TrimStart('#'), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0)
            .Where(n => n > 0);

    public static int Minutes(string? estimate)
    {
        if (string.IsNullOrWhiteSpace(estimate)) return 60;
        var text = estimate.Trim().ToLowerInvariant();
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var plain)) return Math.Clamp(plain, 1, 100_000);
        var match = DurationPattern().Match(text);
        if (!match.Success) return 60;
        var hours = match.Groups["h"].Success ? double.Parse(match.Groups["h"].Value, CultureInfo.InvariantCulture) : 0;
        var mins = match.Groups["m"].Success ? int.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture) : 0;
        var total = (int)Math.Round(hours * 60) + mins;
        return total > 0 ? total : 60;
    }

    private static string FormatMinutes(int minutes) => minutes % 60 == 0 ? $"{minutes / 60}h" : minutes > 60 ? $"{minutes / 60}h{minutes % 60}m" : $"{minutes}m";

    private static ConceptResource? ParseResource(string line)
    {
        var parts = line.Split('|', StringSplitOptions.TrimEntries);
        if (parts.Length < 3 || parts[1].Length == 0) return null;
        var type = parts[0].ToLowerInvariant();
        var minutes = type switch { "video" => 20, "article" => 15, "documentation" => 15, _ => 10 };
        return new ConceptResource(type, parts[1], parts[2], minutes);
    }

    private static IReadOnlyList<ExerciseDefinition> ParseExercises(string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) return [];
        try
        {
            var list = JsonSerializer.Deserialize<List<ExerciseJson>>(json, Json) ?? [];
            return list.Where(e => !string.IsNullOrWhiteSpace(e.Key) && !string.IsNullOrWhiteSpace(e.Title)
                                   && e.Type is "quiz" or "design" or "coding" or "debug")
                .DistinctBy(e => e.Key)
                .Select(e => new ExerciseDefinition(e.Key!, e.Title!, e.Type!, Math.Clamp(e.Difficulty ?? 3, 1, 5), Math.Max(1, e.Points ?? 10),
                    Math.Max(1, e.EstimatedTime ?? 15), Math.Max(60, e.TimeLimit ?? 1800), e.Instructions ?? "", e.Requirements ?? [],
                    e.StarterCode ?? "",
                    (e.Questions ?? []).Where(q => q.Options is { Count: >= 2 } && q.Answer >= 0 && q.Answer < q.Options.Count)
                        .Select(q => new QuizQuestion(q.Question ?? "", q.Options!, q.Answer)).ToList()))
                .ToList();
        }
        catch (JsonException)
        {
            return [];
        }
    }

    private static List<string> Lines(string? value) =>
        (value ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    private static double? Number(string? value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && double.IsFinite(n) ? n : null;

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    [GeneratedRegex(@"^(?:(?<h>\d+(?:\.\d+)?)\s*h(?:ours?|rs?)?)?\s*(?:(?<m>\d+)\s*m(?:in(?:utes?)?)?)?$")]
    private static partial Regex DurationPattern();

    private sealed record ExerciseJson(string? Key, string? Title, string? Type, int? Difficulty, int? Points, int? EstimatedTime, int? TimeLimit,
        string? Instructions, List<string>? Requirements, string? StarterCode, List<QuestionJson>? Questions);

    private sealed record QuestionJson(string? Question, List<string>? Options, int Answer);
}
