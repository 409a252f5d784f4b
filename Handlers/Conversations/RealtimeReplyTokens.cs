using System.Text;

namespace Pipeline.Handlers.Conversations;

/// <summary>
/// A reply's tokens on the realtime feed without one Redis round trip per token: a token is appended at once when no
/// append is in flight; the tokens that arrive meanwhile go together in the next frame. Latency stays one round trip,
/// and a fast model costs a bounded number of appends. The first token waits for <paramref name="after"/> (the ack).
/// Used from the reply worker's loop only (one thread at a time).
/// </summary>
public sealed class RealtimeReplyTokens(Func<string, Task> append, Task after)
{
    private readonly StringBuilder _waiting = new();
    private Task _inFlight = after;

    public void Add(string delta)
    {
        _waiting.Append(delta);
        if (_inFlight.IsCompleted) Send();
    }

    /// <summary>Appends what is still waiting, after the append in flight: every token precedes the final frame.</summary>
    public async Task FlushAsync()
    {
        await _inFlight;
        if (_waiting.Length > 0)
        {
            Send();
            await _inFlight;
        }
    }

    private void Send()
    {
        var deltas = _waiting.ToString();
        _waiting.Clear();
        _inFlight = append(deltas);
    }
}
