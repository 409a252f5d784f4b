using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Npgsql;

namespace Pipeline.Tests.Reliability;

/// <summary>
/// Pollers that follow a batch the way a frontend does (GET /api/tasks/{id}/status with the learner's token, real HTTP)
/// and measure two things: poll errors (any non-2xx answer or failed request) and staleness.
/// <para>
/// Staleness: before each poll the sampler reads the task's committed row in PostgreSQL (<c>updated_at</c> only ever
/// grows, so it versions the task). A poll answer is stale when its <c>updated_at</c> is older than a row that was
/// already committed before the poll was sent. Its staleness is the time from when the sampler first saw that newer
/// committed version until the stale answer arrived: how long the API kept answering with a state PostgreSQL had
/// already replaced. This is a lower bound sampled at the pollers' rate (every task is looked at several times a
/// second), and it is what a user would notice: a status that lags, or one that never catches up.
/// </para>
/// </summary>
public sealed class StatusSampler
{
    private readonly ReliabilityFixture _fixture;
    private readonly Func<IReadOnlyList<BatchTask>> _tasks;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly ConcurrentDictionary<string, List<(DateTimeOffset Version, TimeSpan FirstSeen)>> _versions = new();
    private readonly ConcurrentDictionary<string, bool> _settled = new();
    private readonly ConcurrentQueue<string> _errorSamples = new();
    private long _polls;
    private long _errors;
    private long _staleAnswers;
    private long _maxStalenessTicks;
    private long _slowestPollTicks;
    private readonly Lock _worstLock = new();
    private string? _worst;

    public StatusSampler(ReliabilityFixture fixture, Func<IReadOnlyList<BatchTask>> tasks)
    {
        _fixture = fixture;
        _tasks = tasks;
    }

    public long Polls => Interlocked.Read(ref _polls);
    public long Errors => Interlocked.Read(ref _errors);
    public long StaleAnswers => Interlocked.Read(ref _staleAnswers);
    public TimeSpan MaxStaleness => TimeSpan.FromTicks(Interlocked.Read(ref _maxStalenessTicks));
    public TimeSpan SlowestPoll => TimeSpan.FromTicks(Interlocked.Read(ref _slowestPollTicks));
    public IReadOnlyList<string> ErrorSamples => _errorSamples.ToList();

    /// <summary>The stalest answer seen, described; null when no answer was stale.</summary>
    public string? Stalest
    {
        get { lock (_worstLock) return _worst; }
    }

    /// <summary>Polls until <paramref name="stop"/> with <paramref name="pollers"/> concurrent pollers, each pausing <paramref name="pause"/> between polls.</summary>
    public async Task RunAsync(int pollers, TimeSpan pause, CancellationToken stop)
    {
        // Its own small pool: the sampler's reads must not compete with the system's connections for a slot.
        await using var dataSource = new NpgsqlDataSourceBuilder(new NpgsqlConnectionStringBuilder(_fixture.Infrastructure.PostgresConnectionString)
        {
            MaxPoolSize = pollers,
            Timeout = 3,
            CommandTimeout = 3,
        }.ConnectionString).Build();
        await Task.WhenAll(Enumerable.Range(0, pollers).Select(i => PollAsync(dataSource, new Random(i), pause, stop)));
    }

    private async Task PollAsync(NpgsqlDataSource dataSource, Random random, TimeSpan pause, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            var candidates = _tasks().Where(t => !_settled.ContainsKey(t.TaskId)).ToList();
            if (candidates.Count > 0)
                await SampleAsync(dataSource, candidates[random.Next(candidates.Count)]);
            try
            {
                await Task.Delay(pause, stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task SampleAsync(NpgsqlDataSource dataSource, BatchTask task)
    {
        var committed = await ReadCommittedAsync(dataSource, task.TaskId);
        if (committed is { } row)
            Observe(task.TaskId, row.UpdatedAt, _clock.Elapsed);

        var sent = _clock.Elapsed;
        Interlocked.Increment(ref _polls);
        JsonElement answer;
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            using var response = await _fixture.Http.SendAsync(ReliabilityFixture.As(task.Learner, HttpMethod.Get, $"/api/tasks/{task.TaskId}/status"), timeout.Token);
            var body = await response.Content.ReadAsStringAsync(timeout.Token);
            RecordLatency(_clock.Elapsed - sent);
            if (!response.IsSuccessStatusCode)
            {
                Error($"{(int)response.StatusCode} for {task.TaskId} at {sent.TotalSeconds:0.0}s: {Shorten(body)}");
                return;
            }
            answer = JsonDocument.Parse(body).RootElement.Clone();
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException or IOException or JsonException)
        {
            Error($"{e.GetType().Name} for {task.TaskId} at {sent.TotalSeconds:0.0}s: {Shorten(e.Message)}");
            return;
        }

        var answered = answer.GetProperty("updated_at").GetDateTimeOffset();
        if (committed is { } newer && answered < newer.UpdatedAt)
        {
            Interlocked.Increment(ref _staleAnswers);
            var lag = _clock.Elapsed - FirstSeenNewerThan(task.TaskId, answered);
            lock (_worstLock)
                if (lag.Ticks > _maxStalenessTicks)
                {
                    Interlocked.Exchange(ref _maxStalenessTicks, lag.Ticks);
                    _worst = $"task {task.TaskId} at {sent.TotalSeconds:0.0}s answered {answer.GetProperty("status").GetString()} " +
                        $"{answer.GetProperty("progress").GetDouble()}% of {answered:HH:mm:ss.ffffff} while PostgreSQL had {newer.Status} of {newer.UpdatedAt:HH:mm:ss.ffffff}";
                }
        }
        if (committed is { Status: "completed" } && answer.GetProperty("status").GetString() == "completed")
            _settled[task.TaskId] = true;
    }

    private static async Task<(string Status, DateTimeOffset UpdatedAt)?> ReadCommittedAsync(NpgsqlDataSource dataSource, string taskId)
    {
        try
        {
            await using var command = dataSource.CreateCommand("SELECT status, updated_at FROM user_tasks WHERE task_id = $1");
            command.Parameters.Add(new NpgsqlParameter { Value = taskId });
            await using var reader = await command.ExecuteReaderAsync();
            if (!await reader.ReadAsync()) return null;
            return (reader.GetString(0), reader.GetFieldValue<DateTimeOffset>(1));
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            // PostgreSQL is being restarted: no reference for this sample, but the poll itself still counts.
            return null;
        }
    }

    private void Observe(string taskId, DateTimeOffset version, TimeSpan now)
    {
        var versions = _versions.GetOrAdd(taskId, _ => []);
        lock (versions)
            if (!versions.Any(v => v.Version == version))
                versions.Add((version, now));
    }

    private TimeSpan FirstSeenNewerThan(string taskId, DateTimeOffset answered)
    {
        var versions = _versions[taskId];
        lock (versions)
            return versions.Where(v => v.Version > answered).Min(v => v.FirstSeen);
    }

    private void RecordLatency(TimeSpan latency)
    {
        for (var max = Interlocked.Read(ref _slowestPollTicks); latency.Ticks > max; max = Interlocked.Read(ref _slowestPollTicks))
            if (Interlocked.CompareExchange(ref _slowestPollTicks, latency.Ticks, max) == max) break;
    }

    private void Error(string description)
    {
        Interlocked.Increment(ref _errors);
        if (_errorSamples.Count < 10) _errorSamples.Enqueue(description);
    }

    private static string Shorten(string text) => text.Length > 200 ? text[..200] + "…" : text;
}
