using System.Text.RegularExpressions;

namespace Pipeline.Handlers.Voice;

/// <summary>
/// The tutor's Markdown answer as something to say aloud: code blocks are not read out (clients show them as visual
/// aids), Markdown marks and link targets are dropped, and a long answer is cut at a sentence end.
/// </summary>
public static partial class SpokenText
{
    [GeneratedRegex(@"```.*?(```|$)", RegexOptions.Singleline)]
    private static partial Regex CodeBlock();

    [GeneratedRegex(@"\[([^\]]*)\]\([^)]*\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"[`*_#>|~]+")]
    private static partial Regex Marks();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Space();

    public static string From(string markdown, int maxCharacters)
    {
        var text = CodeBlock().Replace(markdown, " (see the code example) ");
        text = Link().Replace(text, "$1");
        text = Marks().Replace(text, " ");
        text = Space().Replace(text, " ").Trim();
        if (text.Length <= maxCharacters) return text;
        var cut = text[..maxCharacters];
        var end = cut.LastIndexOfAny(['.', '!', '?']);
        return end > maxCharacters / 2 ? cut[..(end + 1)] : cut.TrimEnd() + "…";
    }
}
