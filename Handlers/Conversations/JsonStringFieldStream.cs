using System.Globalization;
using System.Text;

namespace Pipeline.Handlers.Conversations;

/// <summary>
/// Reads a JSON object as it streams in and gives back, delta by delta, the decoded text of one top-level string field
/// (a structured reply's prose), so the learner sees it token by token while the rest of the object is still coming.
/// A stream that does not start with <c>{</c> (a model that ignored the response format) is passed through unchanged.
/// </summary>
public sealed class JsonStringFieldStream(string field)
{
    private enum Mode { Detect, PassThrough, Scan, Emit, Done }

    private readonly StringBuilder _key = new();
    private readonly StringBuilder _unicode = new();
    private Mode _mode = Mode.Detect;
    private int _depth;
    private bool _inString, _escape, _expectKey, _readingKey, _awaitingValue, _inUnicode;

    /// <summary>True once the stream turned out to be a JSON object.</summary>
    public bool IsJson => _mode is Mode.Scan or Mode.Emit or Mode.Done;

    /// <summary>The field's text in <paramref name="delta"/> (empty when the delta holds none of it).</summary>
    public string Feed(string delta)
    {
        var output = new StringBuilder();
        foreach (var c in delta) Step(c, output);
        return output.ToString();
    }

    private void Step(char c, StringBuilder output)
    {
        switch (_mode)
        {
            case Mode.Detect:
                if (char.IsWhiteSpace(c)) return;
                if (c == '{') { _mode = Mode.Scan; _depth = 1; _expectKey = true; }
                else { _mode = Mode.PassThrough; output.Append(c); }
                return;
            case Mode.PassThrough:
                output.Append(c);
                return;
            case Mode.Scan:
                Scan(c);
                return;
            case Mode.Emit:
                Emit(c, output);
                return;
            default:
                return;
        }
    }

    private void Scan(char c)
    {
        if (_inString)
        {
            if (_escape) { _escape = false; if (_readingKey) _key.Append(c); return; }
            if (c == '\\') { _escape = true; return; }
            if (c == '"')
            {
                _inString = false;
                if (_readingKey)
                {
                    _readingKey = false;
                    _expectKey = false;
                    _awaitingValue = _key.ToString() == field;
                }
                return;
            }
            if (_readingKey) _key.Append(c);
            return;
        }
        if (_awaitingValue)
        {
            if (c == ':' || char.IsWhiteSpace(c)) return;
            _awaitingValue = false;
            if (c == '"') { _mode = Mode.Emit; return; }
        }
        switch (c)
        {
            case '"':
                _inString = true;
                if (_depth == 1 && _expectKey) { _readingKey = true; _key.Clear(); }
                break;
            case '{' or '[':
                _depth++;
                break;
            case '}' or ']':
                _depth--;
                break;
            case ',' when _depth == 1:
                _expectKey = true;
                break;
        }
    }

    private void Emit(char c, StringBuilder output)
    {
        if (_inUnicode)
        {
            _unicode.Append(c);
            if (_unicode.Length < 4) return;
            _inUnicode = false;
            if (int.TryParse(_unicode.ToString(), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code)) output.Append((char)code);
            _unicode.Clear();
            return;
        }
        if (_escape)
        {
            _escape = false;
            switch (c)
            {
                case 'n': output.Append('\n'); break;
                case 't': output.Append('\t'); break;
                case 'r': output.Append('\r'); break;
                case 'b': output.Append('\b'); break;
                case 'f': output.Append('\f'); break;
                case 'u': _inUnicode = true; break;
                default: output.Append(c); break;
            }
            return;
        }
        if (c == '\\') { _escape = true; return; }
        if (c == '"') { _mode = Mode.Done; return; }
        output.Append(c);
    }
}
