using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using Pipeline.Tests.Infrastructure;
using Pipeline.Tests.LearningPaths;

namespace Pipeline.Tests.Foundation;

/// <summary>Edge.Api on Kestrel at a loopback port, for requests written byte by byte on a socket.</summary>
public sealed class RealSocketFixture : PipelineFixture
{
    protected override bool ListensOnRealPort => true;
}

/// <summary>
/// A body-less request that says <c>Content-Type: application/json</c> without a Content-Length (as Python's urllib
/// sends a GET) is answered as the same request with <c>Content-Length: 0</c> is, never 400 "not valid JSON".
/// Written on a raw socket: HttpClient always adds <c>Content-Length: 0</c> and so cannot send it.
/// </summary>
public sealed class Requests_without_a_body(RealSocketFixture fixture) : IClassFixture<RealSocketFixture>
{
    [Fact]
    public async Task A_task_status_GET_with_a_json_content_type_and_no_body_is_answered()
    {
        var learner = await fixture.SignUpAsync();
        var accepted = await learner.Client.GenerateInBackgroundAsync("Learn sourdough baking in 7 days");
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        var taskId = (await accepted.JsonAsync()).GetProperty("task_id").GetString();

        var (status, body) = await SendWithoutBodyAsync("GET", $"/api/tasks/{taskId}/status", learner.AccessToken);

        Assert.True(status == 200, $"{status}: {body}");
        Assert.Contains(taskId!, body);
    }

    [Fact]
    public async Task A_seed_004_GET_with_a_json_content_type_and_no_body_is_answered()
    {
        var learner = await fixture.SignUpAsync();

        var (status, body) = await SendWithoutBodyAsync("GET", $"/api/v1/users/{learner.Id}", learner.AccessToken);

        Assert.True(status == 200, $"{status}: {body}");
        Assert.Contains(learner.Email, body);
    }

    [Fact]
    public async Task A_seed_003_GET_with_a_json_content_type_and_no_body_is_answered()
    {
        var learner = await fixture.SignUpAsync();

        var (status, body) = await SendWithoutBodyAsync("GET", "/api/learntrac/v1/progress?timeframe=week", learner.AccessToken);

        Assert.True(status == 200, $"{status}: {body}");
    }

    [Fact]
    public async Task A_DELETE_with_a_json_content_type_and_no_body_is_answered()
    {
        var learner = await fixture.SignUpAsync();
        var created = await learner.Client.PostAsJsonAsync("/api/v1/notes", new { title = "Starter", content = "flour and water" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var noteId = (await created.JsonAsync()).GetProperty("id").GetInt64();

        var (status, body) = await SendWithoutBodyAsync("DELETE", $"/api/v1/notes/{noteId}", learner.AccessToken);

        Assert.True(status == 204, $"{status}: {body}");
        Assert.Equal(HttpStatusCode.NotFound, (await learner.Client.GetAsync($"/api/v1/notes/{noteId}")).StatusCode);
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_still_refused()
    {
        var learner = await fixture.SignUpAsync();

        var (status, body) = await SendAsync(
            $"POST /api/v1/notes HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer {learner.AccessToken}\r\n" +
            "Content-Type: application/json\r\nContent-Length: 5\r\nConnection: close\r\n\r\nnope!");

        Assert.True(status == 400, $"{status}: {body}");
        Assert.Contains("not valid JSON", body);
    }

    /// <summary>The request line, the bearer token, <c>Content-Type: application/json</c>, and nothing that declares a body.</summary>
    private Task<(int Status, string Body)> SendWithoutBodyAsync(string method, string path, string token) =>
        SendAsync($"{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer {token}\r\n" +
                  "Content-Type: application/json\r\nConnection: close\r\n\r\n");

    private async Task<(int Status, string Body)> SendAsync(string request)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(fixture.BaseAddress.Host, fixture.BaseAddress.Port, timeout.Token);
        await using var stream = new NetworkStream(socket, ownsSocket: false);
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request), timeout.Token);
        // Connection: close, so the server ends the answer by closing; read it whole.
        using var received = new MemoryStream();
        await stream.CopyToAsync(received, timeout.Token);
        var answer = received.ToArray();
        var headEnd = answer.AsSpan().IndexOf("\r\n\r\n"u8);
        Assert.True(headEnd > 0, $"no HTTP answer: {Encoding.ASCII.GetString(answer)}");
        var head = Encoding.ASCII.GetString(answer, 0, headEnd);
        Assert.StartsWith("HTTP/1.1 ", head);
        var body = answer[(headEnd + 4)..];
        if (head.Contains("Transfer-Encoding: chunked", StringComparison.OrdinalIgnoreCase)) body = Unchunk(body);
        return (int.Parse(head.Split(' ')[1]), Encoding.UTF8.GetString(body));
    }

    private static byte[] Unchunk(byte[] chunked)
    {
        var body = new MemoryStream();
        var at = 0;
        while (true)
        {
            var lineEnd = at + chunked.AsSpan(at).IndexOf("\r\n"u8);
            var size = Convert.ToInt32(Encoding.ASCII.GetString(chunked, at, lineEnd - at).Split(';')[0], 16);
            if (size == 0) return body.ToArray();
            body.Write(chunked, lineEnd + 2, size);
            at = lineEnd + 2 + size + 2;
        }
    }
}
