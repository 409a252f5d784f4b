using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace Pipeline.BenchSetup;

/// <summary>The measuring helpers the benchmarks share (<c>using static Pipeline.BenchSetup.Bench;</c>).</summary>
public static class Bench
{
    /// <summary>A positive whole number from the environment, or <paramref name="fallback"/>.</summary>
    public static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), out var value) && value > 0 ? value : fallback;

    /// <summary>The machine's load average (1/5/15 min), for the reports.</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    /// <summary>The <paramref name="p"/> quantile (0.5, 0.95) of <paramref name="values"/>, nearest rank.</summary>
    public static double Percentile(IReadOnlyCollection<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
    }

    /// <summary>The response's JSON body; a failure status throws with the body.</summary>
    public static async Task<JsonElement> Json(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Milliseconds for GET <paramref name="path"/> and its whole body; a failure status throws.</summary>
    public static async Task<double> TimeAsync(HttpClient api, string path)
    {
        var clock = Stopwatch.StartNew();
        var response = await api.GetAsync(path);
        var body = await response.Content.ReadAsByteArrayAsync();
        var elapsed = clock.Elapsed.TotalMilliseconds;
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{path}: {(int)response.StatusCode}: {Encoding.UTF8.GetString(body)}");
        return elapsed;
    }
}
