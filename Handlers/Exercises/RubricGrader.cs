using System.Text.RegularExpressions;
using Pipeline.Handlers.Ai.Offline;
using Pipeline.Messages.Learning;

namespace Pipeline.Handlers.Exercises;

/// <summary>
/// The offline provider's grader: a deterministic rubric. A requirement is met when the answer mentions at least half
/// of its key words (four letters or more, stop words aside); 80% of the score is the share of requirements met, 20%
/// is substance (length, examples, structure). Labelled as offline in its feedback.
/// </summary>
public static partial class RubricGrader
{
    public const string Name = "offline-rubric";

    private static readonly HashSet<string> StopWords =
    [
        "with", "that", "this", "from", "your", "into", "least", "show", "each", "must", "have", "when", "then", "than",
        "what", "which", "their", "there", "about", "apply", "explicitly", "handle", "address", "demonstrate", "return", "right",
        "example", "small",
    ];

    public static ExerciseSubmissionGraded Grade(GradeExerciseSubmission s)
    {
        var answer = s.Answer.ToLowerInvariant();
        var strengths = new List<string>();
        var improvements = new List<string>();
        foreach (var requirement in s.Requirements)
        {
            var words = Words(requirement).ToList();
            var found = words.Count(w => answer.Contains(w, StringComparison.Ordinal));
            if (words.Count == 0 || found * 2 >= words.Count) strengths.Add($"Addresses: {requirement}");
            else improvements.Add($"Missing or unclear: {requirement}");
        }
        var met = strengths.Count;
        var total = Math.Max(1, s.Requirements.Count);
        var substance = 0.0;
        if (s.Answer.Length >= 200) substance += 0.4;
        if (ExamplePattern().IsMatch(s.Answer)) substance += 0.3; else improvements.Add("Include a concrete example (a request, a response or code).");
        if (s.Answer.Contains('\n') && (s.Answer.Contains('#') || s.Answer.Contains('{') || s.Answer.Contains("- "))) substance += 0.3;
        else improvements.Add("Structure the answer (headings, lists or code blocks).");
        if (substance >= 0.7) strengths.Add("Well structured, with concrete examples");
        var score = Math.Round(0.8 * met / total + 0.2 * substance, 3);
        var feedback = $"{OfflineLabel.DescriptionPrefix} Graded by a deterministic rubric, not a model: {met} of {s.Requirements.Count} " +
                       $"requirements recognised in your answer to \"{s.Title}\"; substance {substance:0.0} of 1.0. Your answer was read, never run.";
        return new ExerciseSubmissionGraded(s.SessionId, score, met, s.Requirements.Count, strengths, improvements, feedback, Name);
    }

    private static IEnumerable<string> Words(string text) =>
        WordPattern().Matches(text.ToLowerInvariant()).Select(m => m.Value).Where(w => w.Length >= 4 && !StopWords.Contains(w)).Distinct();

    [GeneratedRegex(@"[a-z0-9][a-z0-9\-]*")]
    private static partial Regex WordPattern();

    [GeneratedRegex(@"\b(GET|POST|PUT|PATCH|DELETE)\b|\b[1-5]\d\d\b|```|=>|\breturn\b|\bdef\b|\bfunction\b", RegexOptions.IgnoreCase)]
    private static partial Regex ExamplePattern();
}
