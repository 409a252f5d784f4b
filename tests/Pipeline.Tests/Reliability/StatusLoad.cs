using System.Diagnostics;
using Pipeline.Tests.Infrastructure;

namespace Pipeline.Tests.Reliability;

/// <summary>
/// Many frontends polling task status at once: each poller is a browser tab of a signed-in learner (real HTTP to
/// Kestrel, the learner's own JWT) that polls one of that learner's tasks, waits <c>thinkTime</c>, and polls again,
/// as the learner console does (POLL_INTERVAL_MS = 1000 in Edge.Api/wwwroot/app.js). It keeps polling a finished task:
/// the load stays constant for the whole run.
/// </summary>
public sealed class StatusLoad(ReliabilityFixture fixture)
{
    private readonly List<long> _latencyTicks = [];
    private readonly Lock _lock = new();
    private readonly List<string> _errorSamples = [];
    private long _errors;

    public async Task<LoadOutcome> RunAsync(IReadOnlyList<TestUser> learners, Func<TestUser, IReadOnlyList<string>> tasksOf, int pollers,
        TimeSpan duration, TimeSpan thinkTime)
    {
        var clock = Stopwatch.StartNew();
        using var stop = new CancellationTokenSource(duration);
        await Task.WhenAll(Enumerable.Range(0, pollers).Select(i => PollAsync(learners[i % learners.Count], tasksOf, new Random(i), thinkTime, stop.Token)));
        var elapsed = clock.Elapsed;

        long[] sorted;
        lock (_lock) sorted = [.. _latencyTicks.Order()];
        TimeSpan Percentile(double p) => sorted.Length == 0 ? TimeSpan.Zero : TimeSpan.FromTicks(sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)]);
        return new LoadOutcome(pollers, learners.Count, elapsed, thinkTime, sorted.Length, Interlocked.Read(ref _errors), _errorSamples.ToList(),
            Percentile(0.50), Percentile(0.95), Percentile(0.99), sorted.Length == 0 ? TimeSpan.Zero : TimeSpan.FromTicks(sorted[^1]));
    }

    private async Task PollAsync(TestUser learner, Func<TestUser, IReadOnlyList<string>> tasksOf, Random random, TimeSpan thinkTime, CancellationToken stop)
    {
        // Tabs do not open in the same millisecond: spread the first polls over one think time.
        if (!await PauseAsync(TimeSpan.FromMilliseconds(random.Next((int)thinkTime.TotalMilliseconds)), stop)) return;
        while (!stop.IsCancellationRequested)
        {
            var tasks = tasksOf(learner);
            if (tasks.Count > 0)
                await PollOnceAsync(learner, tasks[random.Next(tasks.Count)]);
            if (!await PauseAsync(thinkTime, stop)) return;
        }
    }

    private async Task PollOnceAsync(TestUser learner, string taskId)
    {
        var timer = Stopwatch.StartNew();
        try
        {
            using var response = await fixture.Http.SendAsync(ReliabilityFixture.As(learner, HttpMethod.Get, $"/api/tasks/{taskId}/status"));
            await response.Content.ReadAsByteArrayAsync();
            var ticks = timer.Elapsed.Ticks;
            lock (_lock) _latencyTicks.Add(ticks);
            if (!response.IsSuccessStatusCode) Error($"{(int)response.StatusCode} for {taskId}");
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException or IOException)
        {
            // The run's end never cancels a request in flight (SendAsync has no token here): this is a real failure.
            lock (_lock) _latencyTicks.Add(timer.Elapsed.Ticks);
            Error($"{e.GetType().Name} for {taskId}: {e.Message}");
        }
    }

    private void Error(string description)
    {
        Interlocked.Increment(ref _errors);
        lock (_lock)
            if (_errorSamples.Count < 10) _errorSamples.Add(description);
    }

    private static async Task<bool> PauseAsync(TimeSpan pause, CancellationToken stop)
    {
        try
        {
            await Task.Delay(pause, stop);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
