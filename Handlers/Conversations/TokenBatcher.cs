using System.Text;

namespace Pipeline.Handlers.Conversations;

/// <summary>
/// A reply's tokens sent on without one Redis round trip per token (to the reply's channel, and to the owner's
/// realtime feed): a token goes at once when nothing is in flight; the tokens that arrive meanwhile go together in the
/// next send. A slow model's tokens go one by one, as they come; a fast one costs a bounded number of sends, each at
/// most one round trip late. The first send waits for <paramref name="after"/>. Used from the reply worker's loop only
/// (one thread at a time).
/// </summary>
public sealed class TokenBatcher(Func<string, Task> send, Task after)
{
    private readonly StringBuilder _waiting = new();
    private Task _inFlight = after;

    public void Add(string delta)
    {
        _waiting.Append(delta);
        if (_inFlight.IsCompleted) Send();
    }

    /// <summary>Sends what is still waiting, after the send in flight: every token precedes the reply's final event.</summary>
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
        _inFlight = send(deltas);
    }
}
