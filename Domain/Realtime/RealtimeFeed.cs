using Microsoft.Extensions.Options;
using Pipeline.ServiceDefaults.Redis;
using StackExchange.Redis;

namespace Pipeline.Domain.Realtime;

/// <summary>
/// Seed 004's per-user realtime feed: one Redis stream per user (entry ids are the frames' <c>event_id</c>s, in order),
/// trimmed to the last <see cref="RetentionMinutes"/> minutes, and a pub/sub channel that announces each new entry.
/// Handlers appends reminders; the task status cache appends task progress in the same script that caches it
/// (<c>RedisTaskStatusCache</c>); every edge instance holding a user's socket reads the stream after each
/// announcement, so a reconnecting client replays what it missed from <c>last_event_id</c> in order, then goes live.
/// Appends run as Lua scripts so that the once-key check, the append, the trim by time, the expiry and the announcement
/// are one atomic step (a crash in between can neither show a frame twice nor append one nobody is told about).
/// </summary>
public sealed class RealtimeFeed(IConnectionMultiplexer redis, IOptions<RedisOptions> options)
{
    /// <summary>How long frames are kept for replay (the seed asks for at least 15 minutes).</summary>
    public const int RetentionMinutes = 30;

    private readonly string _prefix = options.Value.KeyPrefix;

    public string StreamKey(long userId) => $"{_prefix}realtime:{userId}";
    public RedisChannel Channel(long userId) => RedisChannel.Literal($"{_prefix}realtime:{userId}");

    /// <summary>
    /// Appends a frame; with <paramref name="onceKey"/>, a second append with the same key (a redelivered message) is
    /// dropped. Returns the event id, or null when dropped.
    /// </summary>
    public async Task<string?> AppendAsync(long userId, string type, string json, string? onceKey = null)
    {
        var result = await redis.GetDatabase().ScriptEvaluateAsync(AppendScript,
            [StreamKey(userId), onceKey is null ? "" : $"{_prefix}realtime-once:{onceKey}"],
            [(string)Channel(userId)!, type, json, RetentionMinutes * 60]);
        return result.IsNull ? null : (string?)result;
    }

    /// <summary>Frames after <paramref name="afterEventId"/> (exclusive), oldest first.</summary>
    public async Task<IReadOnlyList<RealtimeFrame>> ReadAfterAsync(long userId, string afterEventId, int count = 500)
    {
        var result = await redis.GetDatabase().ScriptEvaluateAsync(
            "return redis.call('XRANGE', KEYS[1], '(' .. ARGV[1], '+', 'COUNT', ARGV[2])", [StreamKey(userId)], [afterEventId, count]);
        var frames = new List<RealtimeFrame>();
        foreach (var entry in (RedisResult[])result!)
        {
            var parts = (RedisResult[])entry!;
            var fields = (RedisResult[])parts[1]!;
            string? type = null, json = null;
            for (var i = 0; i + 1 < fields.Length; i += 2)
            {
                if ((string?)fields[i] == "type") type = (string?)fields[i + 1];
                else if ((string?)fields[i] == "data") json = (string?)fields[i + 1];
            }
            if (type is not null && json is not null) frames.Add(new RealtimeFrame((string)parts[0]!, type, json));
        }
        return frames;
    }

    /// <summary>The newest event id in the user's feed ("0-0" when empty): a client that asks for no replay starts after it.</summary>
    public async Task<string> LatestEventIdAsync(long userId)
    {
        var result = await redis.GetDatabase().ScriptEvaluateAsync(
            "local e = redis.call('XREVRANGE', KEYS[1], '+', '-', 'COUNT', 1) if #e == 0 then return '0-0' end return e[1][1]",
            [StreamKey(userId)]);
        return (string)result!;
    }

    /// <summary>Calls <paramref name="onAppended"/> whenever a frame is appended to the user's feed (on any process).</summary>
    public async Task<IAsyncDisposable> SubscribeAsync(long userId, Action onAppended)
    {
        var subscriber = redis.GetSubscriber();
        var channel = Channel(userId);
        Action<RedisChannel, RedisValue> handler = (_, _) => onAppended();
        await subscriber.SubscribeAsync(channel, handler);
        return new Subscription(subscriber, channel, handler);
    }

    /// <summary>The XADD shared with the task status script: MINID trims by time (Redis server clock).</summary>
    public const string AddEntryLua = """
        local function realtime_add(stream, channel, type, data, retention)
            local now = redis.call('TIME')
            local minid = (tonumber(now[1]) - tonumber(retention)) * 1000
            local id = redis.call('XADD', stream, 'MINID', '~', minid, '*', 'type', type, 'data', data)
            redis.call('EXPIRE', stream, tonumber(retention) * 2)
            redis.call('PUBLISH', channel, id)
            return id
        end
        """;

    private const string AppendScript = AddEntryLua + "\n" + """
        if KEYS[2] ~= '' then
            if not redis.call('SET', KEYS[2], '1', 'NX', 'EX', tonumber(ARGV[4]) * 2) then return false end
        end
        return realtime_add(KEYS[1], ARGV[1], ARGV[2], ARGV[3], ARGV[4])
        """;

    private sealed class Subscription(ISubscriber subscriber, RedisChannel channel, Action<RedisChannel, RedisValue> handler) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await subscriber.UnsubscribeAsync(channel, handler);
    }
}
