using System.Text.RegularExpressions;
using Pipeline.Messages.Content;

namespace Pipeline.Handlers.Ai.Offline;

/// <summary>
/// Reads a learning goal out of a prompt with plain rules ("I want to learn trading in 30 days" → trading, beginner,
/// 30 days). No model: a phrase after a learning verb is the topic; otherwise the prompt's content words are. A prompt
/// whose words do not look like words (keyboard mashing) yields no interests, like a model would.
/// </summary>
public static partial class OfflineGoalReader
{
    public const int DefaultDays = 30;

    private static readonly Dictionary<string, int> NumberWords = new(StringComparer.OrdinalIgnoreCase)
    {
        ["a"] = 1, ["an"] = 1, ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6,
        ["seven"] = 7, ["eight"] = 8, ["nine"] = 9, ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12, ["couple of"] = 2, ["few"] = 3,
    };

    private static readonly HashSet<string> AdvancedWords = ["advanced", "expert", "master", "mastering", "mastery", "professional", "in-depth"];
    private static readonly HashSet<string> IntermediateWords = ["intermediate", "improve", "improving", "better", "deepen", "some", "experienced"];
    private static readonly HashSet<string> BeginnerWords = ["beginner", "beginners", "basics", "basic", "introduction", "intro", "scratch", "novice", "newbie", "new", "fundamentals", "zero"];

    private static readonly HashSet<string> StopWords =
    [
        "i", "i'm", "im", "me", "my", "we", "you", "your", "want", "wanna", "would", "like", "love", "need", "to", "learn", "learning",
        "study", "studying", "understand", "know", "about", "how", "the", "a", "an", "in", "on", "for", "of", "and", "or", "with",
        "within", "over", "during", "by", "from", "at", "into", "please", "can", "could", "help", "teach", "get", "become", "be",
        "is", "are", "it", "this", "that", "so", "more", "some", "start", "starting", "begin", "day", "days", "week", "weeks",
        "month", "months", "year", "years", "next", "level", "as", "just", "really", "also", "good", "make", "course", "path",
        "hello", "hi", "hey", "thanks", "thank", "do", "what", "is", "fast", "quickly", "time",
    ];

    private static readonly HashSet<string> TopicFillerWords = ["the", "a", "an", "some", "my", "more", "basic", "level"];

    public static LearningGoals Read(string prompt)
    {
        var text = prompt.Trim();
        var days = Math.Clamp(ReadDays(text) ?? DefaultDays, LearningContentLimits.MinDays, LearningContentLimits.MaxDays);
        return new LearningGoals(ReadInterests(text), ReadDifficulty(text), days);
    }

    private static int? ReadDays(string text)
    {
        var match = DurationPattern().Match(text);
        if (!match.Success) return null;
        var amountText = match.Groups["amount"].Value.Trim();
        var amount = int.TryParse(amountText, out var number) ? number : NumberWords.GetValueOrDefault(amountText, 1);
        var unit = match.Groups["unit"].Value.ToLowerInvariant();
        return unit switch
        {
            "week" => amount * 7,
            "fortnight" => amount * 14,
            "month" => amount * 30,
            "year" => amount * 365,
            _ => amount,
        };
    }

    private static string ReadDifficulty(string text)
    {
        var words = WordPattern().Matches(text.ToLowerInvariant()).Select(m => m.Value).ToList();
        if (words.Any(AdvancedWords.Contains)) return "advanced";
        if (words.Any(BeginnerWords.Contains)) return "beginner";
        if (words.Any(IntermediateWords.Contains)) return "intermediate";
        return "beginner";
    }

    private static List<string> ReadInterests(string text)
    {
        var intent = IntentPattern().Match(text);
        var phrase = intent.Success ? intent.Groups["topic"].Value : text;
        // After a learning verb the phrase is the topic ("machine learning" keeps "learning"); without one, only
        // content words count.
        var ignored = intent.Success ? TopicFillerWords : StopWords;
        var interests = new List<string>();
        foreach (var part in ListSeparatorPattern().Split(phrase))
        {
            var words = WordPattern().Matches(part).Select(m => m.Value)
                .Where(word => !ignored.Contains(word.ToLowerInvariant()) && !IsDifficultyWord(word) && !int.TryParse(word, out _))
                .Where(LooksLikeAWord)
                .Take(4)
                .ToList();
            if (words.Count > 0) interests.Add(string.Join(' ', words));
        }
        return interests.Distinct(StringComparer.OrdinalIgnoreCase).Take(3).ToList();
    }

    private static bool IsDifficultyWord(string word)
    {
        var lower = word.ToLowerInvariant();
        return AdvancedWords.Contains(lower) || BeginnerWords.Contains(lower) || lower == "intermediate";
    }

    /// <summary>Short tokens pass (SQL, C#, UX); longer ones need a vowel and no run of five consonants ("asdfgh" fails).</summary>
    private static bool LooksLikeAWord(string token)
    {
        var letters = token.Where(char.IsLetter).Select(char.ToLowerInvariant).ToArray();
        if (letters.Length == 0) return false;
        if (letters.Length <= 4) return true;
        if (!letters.Any(c => "aeiouy".Contains(c))) return false;
        var run = 0;
        foreach (var c in letters)
        {
            run = "aeiouy".Contains(c) ? 0 : run + 1;
            if (run >= 5) return false;
        }
        return true;
    }

    [GeneratedRegex(@"\b(?<amount>\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|couple of|few)\s*-?\s*(?<unit>day|week|fortnight|month|year)s?\b", RegexOptions.IgnoreCase)]
    private static partial Regex DurationPattern();

    [GeneratedRegex(@"\b(?:learn(?:ing)?|study(?:ing)?|master(?:ing)?|understand(?:ing)?|explore|practi[cs]e|teach me|get (?:better|good) at|improve (?:my |at )?|course (?:on|in|about)|introduction to|intro to|basics of|fundamentals of|skills? in)\s+(?:(?:more\s+)?about\s+|(?:the\s+)?(?:basics|fundamentals)\s+of\s+|how\s+to\s+)*(?<topic>.+?)(?=\s+(?:in|within|over|for|during|by|from|so|because|as|starting|before|until)\b|[.,!?;:()]|$)", RegexOptions.IgnoreCase)]
    private static partial Regex IntentPattern();

    [GeneratedRegex(@"\s*(?:,|&|/|\band\b|\bplus\b)\s*", RegexOptions.IgnoreCase)]
    private static partial Regex ListSeparatorPattern();

    [GeneratedRegex(@"[\p{L}\p{N}][\p{L}\p{N}+#.'-]*[\p{L}\p{N}+#]|[\p{L}\p{N}]")]
    private static partial Regex WordPattern();
}
