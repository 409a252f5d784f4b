namespace Pipeline.Edge.Api.Health;

/// <summary>The body of <c>GET /health/ping</c>: <c>{"status":"ok"}</c>.</summary>
public sealed record PingResponse(string Status)
{
    public static readonly PingResponse Ok = new("ok");
}
