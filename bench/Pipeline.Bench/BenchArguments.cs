using System.Globalization;

namespace Pipeline.Bench;

/// <summary>The harness's command line: broker, what to measure, and how much.</summary>
public sealed record BenchArguments(string Host, ushort Port, string VirtualHost, string User, string Password, string Mode, int Count, int Hops,
    string Postgres, string Redis)
{
    public static BenchArguments Parse(string[] args)
    {
        string Value(string name, string fallback)
        {
            var at = Array.IndexOf(args, name);
            return at >= 0 && at + 1 < args.Length ? args[at + 1] : fallback;
        }
        return new BenchArguments(Value("--host", "127.0.0.1"), ushort.Parse(Value("--port", "5672"), CultureInfo.InvariantCulture),
            Value("--vhost", "/"), Value("--user", Environment.GetEnvironmentVariable("RabbitMq__Username") ?? "guest"),
            Value("--password", Environment.GetEnvironmentVariable("RabbitMq__Password") ?? "guest"), Value("--mode", "rate"),
            int.Parse(Value("--count", "20000"), CultureInfo.InvariantCulture), int.Parse(Value("--hops", "8"), CultureInfo.InvariantCulture),
            Value("--postgres", ""), Value("--redis", "127.0.0.1:6379"));
    }
}
