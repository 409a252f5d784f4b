using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.BenchSetup;
using Pipeline.ChatBench;
using Pipeline.Handlers.Ai;
using Pipeline.Handlers.Hosting;
using StackExchange.Redis;
using static Pipeline.BenchSetup.Bench;

// ./bench.sh chat: Edge.Api and Handlers in this process on their own database, vhost and Redis prefix; a real
// WebSocket client on /ws/chat. (1) Added latency: time from sending a message to its first token at the client,
// minus the model's own time to first token (BENCH_CHAT_SAMPLES messages, one after another). (2) Relay rate: tokens
// per second reaching the client while the model streams as fast as it can, against a bare Redis pub/sub relay
// (publish -> subscriber) of the same frames in the same run.
var samples = Setting("BENCH_CHAT_SAMPLES", 200);
var relayTokens = Setting("BENCH_CHAT_RELAY_TOKENS", 5000);
var port = Setting("BENCH_CHAT_PORT", 18190);
var report = Environment.GetEnvironmentVariable("BENCH_CHAT_REPORT") ?? "docs/chat-benchmark.md";
var redisConfiguration = Environment.GetEnvironmentVariable("Redis__Configuration") ?? "127.0.0.1:56379";

await using var bench = await BenchEnvironment.CreateAsync("pipeline_chat_bench", "chat", port, new Dictionary<string, string?>
{
    ["Pipeline:RateLimits:AiRequestsPerMinute"] = "1000000",
});
var model = new BenchModel();
await bench.StartHostAsync(b =>
{
    // The provider's own slot (keyed): the pipeline's middleware (limit, cancel gate, telemetry) still wraps it.
    b.Services.AddKeyedSingleton<IChatClient>(AiRegistration.ProviderKey, model);
    b.AddHandlers();
});
await bench.StartEdgeAsync();

using var api = new HttpClient { BaseAddress = bench.BaseAddress };
var tokens = await Json(await api.PostAsJsonAsync("/api/v1/auth/register",
    new { email = $"bench-{Guid.NewGuid():N}@example.com", password = "bench-password-42", name = "Bench" }));
var access = tokens.GetProperty("access_token").GetString()!;
api.DefaultRequestHeaders.Authorization = new("Bearer", access);
var track = await Json(await api.PostAsJsonAsync("/api/tracks", new { title = "Benchmarking" }));
var session = await Json(await api.PostAsJsonAsync("/api/chat/sessions", new { track_id = track.GetProperty("id").GetInt64() }));
var sessionId = session.GetProperty("id").GetInt64();

using var socket = new ClientWebSocket();
await socket.ConnectAsync(new Uri($"ws://127.0.0.1:{port}/ws/chat/{sessionId}?token={access}"), CancellationToken.None);

// (1) Added latency to the first token.
model.FirstTokenDelay = TimeSpan.FromMilliseconds(50);
model.TokenDelay = TimeSpan.Zero;
model.Tokens = 40;
for (var i = 0; i < 20; i++) await AskAsync(socket, $"warm-up {i}");
while (model.FirstTokenMs.TryDequeue(out _)) { }
var added = new List<double>();
for (var i = 0; i < samples; i++)
{
    var (firstToken, _, _, _) = await AskAsync(socket, $"question {i}");
    if (!model.FirstTokenMs.TryDequeue(out var modelFirstToken))
        throw new InvalidOperationException("The bench model was not called: another model is answering.");
    added.Add(firstToken - modelFirstToken);
}
added.Sort();

// (2) Relay rate: one long reply streamed as fast as the model can.
model.FirstTokenDelay = TimeSpan.Zero;
model.Tokens = relayTokens;
var (_, relayed, lastTokenAt, relayFrames) = await AskAsync(socket, "stream as fast as you can");
// From the model's first token to the client's last: the whole relay (worker, Redis, edge, socket), like the bare one's.
var pipelineRate = relayed / Stopwatch.GetElapsedTime(model.FirstTokenTimestamp, lastTokenAt).TotalSeconds;
if (relayed != relayTokens)
    throw new InvalidOperationException($"The client got {relayed} of the bench model's {relayTokens} tokens: was another model answering?");
var bareRate = await BareRedisRelayAsync(redisConfiguration, bench.Name, relayTokens);

var p50 = Percentile(added, 0.50);
var p95 = Percentile(added, 0.95);
var ratio = pipelineRate / bareRate;
const string socketPath = "{session_id}";
var now = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
var markdown = $"""
    # Chat benchmark (`./bench.sh chat`)

    Run {now} UTC on this machine (2 cores, shared; other work was running). Edge.Api and Handlers in one process on
    the real PostgreSQL, RabbitMQ and Redis; a real WebSocket client on `/ws/chat/{socketPath}`; the model is an
    in-process `IChatClient` (50 ms to its first token, then tokens with no delay), so the numbers are the pipeline's
    own: store the message, ack, the bus hop to the reply worker, the reply row, the prompt (history and context from
    PostgreSQL), the token over Redis pub/sub to the edge, the frame to the client.

    | measure | value | target |
    |---|---|---|
    | added latency to the first token, p50 ({samples} messages) | {p50:0.0} ms | ≤ 15 ms |
    | added latency to the first token, p95 | {p95:0.0} ms | |
    | tokens relayed per second (one {relayTokens}-token reply, model's first token → client's last) | {pipelineRate:0} /s | |
    | token frames that carried them (tokens merge while frames wait for the socket) | {relayFrames} | |
    | bare Redis pub/sub relay, same events, same run (first publish → last received) | {bareRate:0} /s | |
    | ratio | {ratio:0.00} | ≥ 0.5 |

    Added latency = (first token frame at the client − message sent) − the model's own time to its first token.
    The relay rate runs from the model yielding its first token to the client receiving the last one, through the reply
    worker (prompt, reply row, a Redis event per token and the realtime feed), Redis, the edge and the socket. The bare
    relay publishes the same JSON token events on a Redis channel and counts them at a subscriber.
    Tokens relayed are the model's tokens reaching the client. The reply worker publishes the tokens that arrive while
    a publish is in flight together in the next one (Handlers/Conversations/TokenBatcher), and frames waiting for a slow
    socket merge (Edge.Api/Realtime/SocketFrames): a client that appends deltas sees the same text, and a model as fast
    as this one sends its tokens in a few events and frames, while the bare relay sends one event per token (so the
    ratio can exceed 1). A model slower than a Redis round trip (any real one) gets one event and frame per token.
    """;
Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(report))!);
await File.WriteAllTextAsync(report, markdown + "\n");
Console.WriteLine(markdown);
return 0;

static async Task<(double FirstTokenMs, int Tokens, long LastTokenTimestamp, int Frames)> AskAsync(ClientWebSocket socket, string content)
{
    var clock = Stopwatch.StartNew();
    await socket.SendAsync(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { type = "message", content })), WebSocketMessageType.Text, true,
        CancellationToken.None);
    double? first = null;
    var count = 0;
    var frames = 0;
    var lastToken = 0L;
    var buffer = new byte[64 * 1024];
    while (true)
    {
        using var frame = new MemoryStream();
        WebSocketReceiveResult result;
        do
        {
            result = await socket.ReceiveAsync(buffer, CancellationToken.None);
            frame.Write(buffer, 0, result.Count);
        } while (!result.EndOfMessage);
        using var json = JsonDocument.Parse(frame.ToArray());
        var type = json.RootElement.GetProperty("type").GetString();
        if (type == "token")
        {
            first ??= clock.Elapsed.TotalMilliseconds;
            // The model's tokens, not frames: a socket that falls behind gets several tokens in one frame.
            count += CountModelTokens(json.RootElement.GetProperty("delta").GetString()!);
            frames++;
            lastToken = Stopwatch.GetTimestamp();
        }
        else if (type == "message") return (first ?? clock.Elapsed.TotalMilliseconds, count, lastToken, frames);
        else if (type == "error") throw new InvalidOperationException(json.RootElement.GetRawText());
    }
}

static async Task<double> BareRedisRelayAsync(string configuration, string prefix, int count)
{
    using var redis = await ConnectionMultiplexer.ConnectAsync(configuration);
    var channel = new RedisChannel($"{prefix}:bare-relay", RedisChannel.PatternMode.Literal);
    var received = 0;
    var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
    await redis.GetSubscriber().SubscribeAsync(channel, (_, _) =>
    {
        if (Interlocked.Increment(ref received) == count) done.TrySetResult();
    });
    var clock = Stopwatch.StartNew();
    for (var i = 0; i < count; i++)
        redis.GetSubscriber().Publish(channel,
            $$"""{"type":"token","conversation_id":1,"user_message_id":2,"message_id":3,"delta":"token{{i}} ","sequence":{{i}}}""",
            StackExchange.Redis.CommandFlags.FireAndForget);
    await done.Task.WaitAsync(TimeSpan.FromSeconds(60));
    return count / clock.Elapsed.TotalSeconds;
}

/// <summary>The bench model's tokens are words "tokenN ": count them in a delta that may carry several.</summary>
static int CountModelTokens(string delta) => delta.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
