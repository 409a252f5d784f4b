using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Pipeline.Tests.Fakes;

/// <summary>
/// A real OpenAI-compatible HTTP server on 127.0.0.1 (random port) for tests and benchmarks: the real OpenAI SDK talks
/// to it over real HTTP. Serves POST /v1/chat/completions (and /chat/completions) in OpenAI's wire format.
/// <code>
/// await using var server = await FakeOpenAiServer.StartAsync();
/// settings["Ai:Endpoint"] = server.BaseUrl;            // or: foreach (var (k, v) in server.AiSettings) ...
/// server.Enqueue(FakeChatReply.Malformed());            // next reply scripted, then back to Behaviour
/// server.Behaviour = request => FakeChatReply.Valid();   // default: valid JSON for the requested schema
/// server.Latency = TimeSpan.FromMilliseconds(200);       // per call
/// server.FailureRate = 0.3;                              // 30% of calls answer 500 (seeded, repeatable)
/// Assert.Equal(2, server.CallCount); server.Requests[0].SchemaName; server.MaxInFlight;
/// </code>
/// </summary>
public sealed partial class FakeOpenAiServer : IAsyncDisposable
{
    public const string ApiKey = "fake-api-key";
    public const string Model = "fake-model";

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<FakeChatReply> _scripted = new();
    private readonly ConcurrentQueue<FakeChatRequest> _requests = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _randomLock = new();
    private Random _random = new(42);
    private int _callCount;
    private int _inFlight;
    private int _maxInFlight;

    private FakeOpenAiServer(WebApplication app) => _app = app;

    /// <summary>The base URL to configure as <c>Ai:Endpoint</c>, e.g. http://127.0.0.1:41234/v1.</summary>
    public string BaseUrl { get; private set; } = "";

    /// <summary>The reply to every request that no scripted reply or failure takes. Default: a valid answer.</summary>
    public Func<FakeChatRequest, FakeChatReply> Behaviour { get; set; } = _ => FakeChatReply.Valid();

    /// <summary>Waited before every reply (cancelled if the client gives up).</summary>
    public TimeSpan Latency { get; set; }

    /// <summary>Share of calls (0..1) answered 500 instead of by <see cref="Behaviour"/>; scripted replies are exempt.</summary>
    public double FailureRate { get; set; }

    public int CallCount => Volatile.Read(ref _callCount);
    public int InFlight => Volatile.Read(ref _inFlight);

    /// <summary>The most requests that were being answered at the same moment.</summary>
    public int MaxInFlight => Volatile.Read(ref _maxInFlight);

    public IReadOnlyList<FakeChatRequest> Requests => _requests.OrderBy(request => request.Number).ToList();

    /// <summary>Settings that point the pipeline's AI at this server (provider openai, endpoint, key, model).</summary>
    public IDictionary<string, string?> AiSettings => new Dictionary<string, string?>
    {
        ["Ai:Provider"] = "openai",
        ["Ai:Endpoint"] = BaseUrl,
        ["Ai:ApiKey"] = ApiKey,
        ["Ai:Model"] = Model,
    };

    public static async Task<FakeOpenAiServer> StartAsync(Func<FakeChatRequest, FakeChatReply>? behaviour = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new FakeOpenAiServer(app);
        if (behaviour is not null) server.Behaviour = behaviour;
        app.MapPost("/v1/chat/completions", server.AnswerAsync);
        app.MapPost("/chat/completions", server.AnswerAsync);
        server.MapAudio(app);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseUrl = address.TrimEnd('/') + "/v1";
        return server;
    }

    /// <summary>Replies used first, in order, before <see cref="Behaviour"/> (and before <see cref="FailureRate"/>).</summary>
    public void Enqueue(params FakeChatReply[] replies)
    {
        foreach (var reply in replies) _scripted.Enqueue(reply);
    }

    /// <summary>Forgets requests, counters and scripted replies; back to valid answers without latency or failures.</summary>
    public void Reset(int failureSeed = 42)
    {
        _scripted.Clear();
        _requests.Clear();
        Interlocked.Exchange(ref _callCount, 0);
        Interlocked.Exchange(ref _maxInFlight, 0);
        Behaviour = _ => FakeChatReply.Valid();
        Latency = TimeSpan.Zero;
        FailureRate = 0;
        lock (_randomLock) _random = new Random(failureSeed);
    }

    private async Task AnswerAsync(HttpContext context)
    {
        using var aborted = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token);
        var number = Interlocked.Increment(ref _callCount);
        var inFlight = Interlocked.Increment(ref _inFlight);
        for (var max = MaxInFlight; inFlight > max; max = MaxInFlight)
            if (Interlocked.CompareExchange(ref _maxInFlight, inFlight, max) == max) break;
        try
        {
            using var body = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: aborted.Token);
            var request = Parse(number, context, body.RootElement.Clone());
            _requests.Enqueue(request);

            if (Latency > TimeSpan.Zero) await Task.Delay(Latency, aborted.Token);
            var reply = ChooseReply(request);
            if (reply.Hangs) await Task.Delay(Timeout.Infinite, aborted.Token);

            if (reply.StatusCode == 200 && IsStreamRequest(request)) await WriteStreamAsync(context, request, reply.ContentFor(request), aborted.Token);
            else if (reply.StatusCode == 200) await WriteCompletionAsync(context, request, reply.ContentFor(request));
            else await WriteErrorAsync(context, reply);
        }
        catch (OperationCanceledException)
        {
            // The client gave up (timeout, cancellation) or the server is stopping: nobody is listening for an answer.
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    private FakeChatReply ChooseReply(FakeChatRequest request)
    {
        if (_scripted.TryDequeue(out var scripted)) return scripted;
        if (FailureRate > 0)
        {
            bool fails;
            lock (_randomLock) fails = _random.NextDouble() < FailureRate;
            if (fails) return FakeChatReply.ServerError();
        }
        return Behaviour(request);
    }

    private static FakeChatRequest Parse(int number, HttpContext context, JsonElement body)
    {
        var messages = new List<FakeChatMessage>();
        if (body.TryGetProperty("messages", out var list) && list.ValueKind == JsonValueKind.Array)
            foreach (var message in list.EnumerateArray())
                messages.Add(new FakeChatMessage(
                    message.TryGetProperty("role", out var role) ? role.GetString() ?? "" : "",
                    message.TryGetProperty("content", out var content) ? ContentText(content) : ""));

        string? formatType = null, schemaName = null;
        bool? strict = null;
        JsonElement? schema = null;
        if (body.TryGetProperty("response_format", out var format) && format.ValueKind == JsonValueKind.Object)
        {
            formatType = format.TryGetProperty("type", out var type) ? type.GetString() : null;
            if (format.TryGetProperty("json_schema", out var jsonSchema))
            {
                schemaName = jsonSchema.TryGetProperty("name", out var name) ? name.GetString() : null;
                strict = jsonSchema.TryGetProperty("strict", out var s) && s.ValueKind is JsonValueKind.True or JsonValueKind.False ? s.GetBoolean() : null;
                schema = jsonSchema.TryGetProperty("schema", out var schemaElement) ? schemaElement : null;
            }
        }

        return new FakeChatRequest(
            number,
            context.Request.Path,
            context.Request.Headers.Authorization.FirstOrDefault(),
            body.TryGetProperty("model", out var model) ? model.GetString() : null,
            messages,
            formatType,
            schemaName,
            strict,
            schema,
            body.TryGetProperty("temperature", out var temperature) && temperature.ValueKind == JsonValueKind.Number ? temperature.GetDouble() : null,
            TryGetInt(body, "max_completion_tokens") ?? TryGetInt(body, "max_tokens"),
            body)
        {
            Stream = body.TryGetProperty("stream", out var stream) && stream.ValueKind == JsonValueKind.True,
        };
    }

    /// <summary>content is a string, or an array of parts ({type: "text", text}) depending on the client.</summary>
    private static string ContentText(JsonElement content) => content.ValueKind switch
    {
        JsonValueKind.String => content.GetString() ?? "",
        JsonValueKind.Array => string.Concat(content.EnumerateArray()
            .Select(part => part.TryGetProperty("text", out var text) ? text.GetString() : "")),
        _ => "",
    };

    private static int? TryGetInt(JsonElement body, string name) =>
        body.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt32() : null;

    private static Task WriteCompletionAsync(HttpContext context, FakeChatRequest request, string content)
    {
        var promptTokens = request.PromptTokens;
        var completionTokens = Math.Max(1, content.Length / 4);
        var completion = new JsonObject
        {
            ["id"] = $"chatcmpl-fake-{request.Number}",
            ["object"] = "chat.completion",
            ["created"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["model"] = request.Model ?? Model,
            ["choices"] = new JsonArray(new JsonObject
            {
                ["index"] = 0,
                ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = content, ["refusal"] = null },
                ["logprobs"] = null,
                ["finish_reason"] = "stop",
            }),
            ["usage"] = new JsonObject
            {
                ["prompt_tokens"] = promptTokens,
                ["completion_tokens"] = completionTokens,
                ["total_tokens"] = promptTokens + completionTokens,
            },
        };
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(completion.ToJsonString(), context.RequestAborted);
    }

    private static Task WriteErrorAsync(HttpContext context, FakeChatReply reply)
    {
        context.Response.StatusCode = reply.StatusCode;
        foreach (var (name, value) in reply.Headers) context.Response.Headers[name] = value;
        context.Response.ContentType = "application/json";
        var error = new JsonObject
        {
            ["error"] = new JsonObject
            {
                ["message"] = reply.ErrorMessage ?? $"Fake error {reply.StatusCode}.",
                ["type"] = reply.StatusCode == 429 ? "rate_limit_exceeded" : "fake_error",
                ["code"] = reply.StatusCode.ToString(),
            },
        };
        return context.Response.WriteAsync(error.ToJsonString(), context.RequestAborted);
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _stopping.Dispose();
    }
}
