using System.Text;

namespace Pipeline.Handlers.Ai.Offline;

/// <summary>Small text rules shared by the offline writers: title casing and a hash that is stable across processes.</summary>
public static class TopicText
{
    private static readonly HashSet<string> LowerCaseInTitles = ["a", "an", "and", "as", "at", "for", "in", "of", "on", "or", "the", "to", "with"];

    /// <summary>Capitalises lower-case words only, so "SQL" or "iOS" keep the learner's spelling.</summary>
    public static string TitleCase(string text)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < words.Length; i++)
        {
            var word = words[i];
            if (word.Any(char.IsUpper)) continue;
            if (i > 0 && LowerCaseInTitles.Contains(word)) continue;
            words[i] = char.ToUpperInvariant(word[0]) + word[1..];
        }
        return string.Join(' ', words);
    }

    /// <summary>"a", "a and b", "a, b and c".</summary>
    public static string JoinAsList(IReadOnlyList<string> items) => items.Count switch
    {
        0 => "",
        1 => items[0],
        _ => string.Join(", ", items.Take(items.Count - 1)) + " and " + items[^1],
    };

    /// <summary>FNV-1a: string.GetHashCode is randomised per process, and offline output must be the same everywhere.</summary>
    public static uint StableHash(string text)
    {
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            hash ^= b;
            hash *= 16777619u;
        }
        return hash;
    }
}
