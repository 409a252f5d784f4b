namespace Pipeline.Edge.Api.Security;

/// <summary>
/// Which code points are not text. A NUL reaching PostgreSQL fails the statement (text cannot hold it), and control
/// characters in names and filters are never meant: every string a client sends is refused if it holds one.
/// Tab, line feed and carriage return are text (chat messages and submitted code have lines).
/// </summary>
public static class TextRules
{
    /// <summary>The index of the first code point that is not text, or -1.</summary>
    public static int FirstUnsafe(ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c < ' ')
            {
                if (c is '\t' or '\n' or '\r') continue;
                return i;
            }
            if (c is >= '\u007F' and <= '\u009F' or '\uFFFE' or '\uFFFF') return i;
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) { i++; continue; }
                return i;
            }
            if (char.IsLowSurrogate(c)) return i;
        }
        return -1;
    }

    public static bool IsText(ReadOnlySpan<char> text) => FirstUnsafe(text) < 0;

    /// <summary>How a refused character is named in an error message: its code point, never the character itself.</summary>
    public static string Describe(ReadOnlySpan<char> text) => FirstUnsafe(text) is var i and >= 0 ? $"U+{(int)text[i]:X4}" : "";
}
