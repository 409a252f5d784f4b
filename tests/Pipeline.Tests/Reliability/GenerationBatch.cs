using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Npgsql;
using Pipeline.Tests.Faults;
using Pipeline.Tests.Infrastructure;

namespace Pipeline.Tests.Reliability;

/// <summary>
/// A batch of generations submitted over a few seconds by a handful of learners while a fault happens, followed to the
/// end the way a frontend follows it (status polls, a Retry for a failed task), then accounted for in PostgreSQL.
/// <code>
/// var outcome = await GenerationBatch.RunAsync(fixture, output, "restart RabbitMQ mid-batch", async (batch, stop) =>
/// {
///     await batch.UntilAsync(p => p.Cards > 0, "the first cards");
///     await SharedServices.RestartRabbitMqAsync();
/// });
/// </code>
/// </summary>
public sealed class GenerationBatch
{
    public const int MaxRetriesPerTask = 3;

    /// <summary>A frontend gives a POST this long before it gives up and sends it again with the same Idempotency-Key.</summary>
    private static readonly TimeSpan SubmitTimeout = TimeSpan.FromSeconds(15);

    private static readonly TimeSpan SubmitSpacing = TimeSpan.FromMilliseconds(150);
    private static readonly TimeSpan SubmitDeadline = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan FinishDeadline = TimeSpan.FromMinutes(6);
    private static readonly string[] FinalStatuses = ["completed", "failed", "timeout", "canceled"];

    private static readonly string[] Topics =
    [
        "chess", "guitar", "photography", "trading", "spanish", "gardening", "knitting", "poker", "astronomy", "sailing",
        "pottery", "baking", "calligraphy", "woodworking", "statistics", "juggling", "origami", "birdwatching", "climbing",
        "painting", "japanese", "welding", "beekeeping", "sculpture", "typography", "archery", "fencing", "surfing",
    ];

    private readonly ReliabilityFixture _fixture;
    private readonly ITestOutputHelper _output;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly ConcurrentDictionary<string, BatchTask> _tasks = new();
    private readonly ConcurrentQueue<string> _notes = new();
    private readonly ConcurrentQueue<string> _problems = new();
    private readonly ConcurrentDictionary<string, int> _retried = new();
    private int _submitRetries;
    private int _rejected;
    private BatchProgress _progress = BatchProgress.None;

    private GenerationBatch(ReliabilityFixture fixture, ITestOutputHelper output, string fault, int size)
    {
        _fixture = fixture;
        _output = output;
        Fault = fault;
        Size = size;
    }

    public string Fault { get; }
    public int Size { get; }
    public BatchProgress Progress => Volatile.Read(ref _progress);
    public IReadOnlyList<BatchTask> Tasks => _tasks.Values.ToList();
    public IReadOnlyList<TestUser> Learners { get; private set; } = [];

    /// <summary>Runs a batch of <see cref="ReliabilityRun.BatchSize"/> generations while <paramref name="fault"/> runs, and accounts for it.</summary>
    /// <param name="fault">Starts with the batch; it waits for its moment with <see cref="UntilAsync"/>. <c>stop</c> fires once every task has finished.</param>
    /// <param name="generationsPerLearner">How many of the batch's generations each learner submits.</param>
    /// <param name="verify">Checks of the fault's own, once every task has finished; each string returned is a problem.</param>
    public static async Task<BatchOutcome> RunAsync(ReliabilityFixture fixture, ITestOutputHelper output, string fault,
        Func<GenerationBatch, CancellationToken, Task> inject, int generationsPerLearner = 10,
        Func<GenerationBatch, Task<IEnumerable<string>>>? verify = null)
    {
        var batch = new GenerationBatch(fixture, output, fault, ReliabilityRun.BatchSize);
        var learners = new List<TestUser>();
        for (var i = 0; i < (batch.Size + generationsPerLearner - 1) / generationsPerLearner; i++)
            learners.Add(await fixture.SignUpAsync());
        batch.Learners = learners;
        batch.Log($"{fault}: {batch.Size} generations from {learners.Count} learners");

        using var finished = new CancellationTokenSource();
        using var stopSampling = new CancellationTokenSource();
        var monitor = batch.MonitorAsync(stopSampling.Token);
        var sampler = new StatusSampler(fixture, () => batch.Tasks);
        var sampling = sampler.RunAsync(pollers: 16, pause: TimeSpan.FromMilliseconds(100), stopSampling.Token);
        var injecting = Task.Run(() => inject(batch, finished.Token));
        try
        {
            await batch.SubmitAsync(learners);
            batch.Log($"submitted: {batch.Progress}");
            await batch.WaitUntilFinishedAsync("every task to finish");
            await finished.CancelAsync();
            try
            {
                await injecting;
            }
            catch (Exception e)
            {
                batch.Problem($"the fault itself failed: {e}");
            }
            batch.Log($"finished: {batch.Progress}");

            for (var round = 1; round <= MaxRetriesPerTask; round++)
            {
                var failed = await batch.FailedAsync();
                if (failed.Count == 0) break;
                batch.Log($"retry round {round}: POST /api/tasks/{{id}}/retry for {failed.Count} failed or timed-out tasks");
                var failedAt = await batch.UpdatedAtAsync(failed);
                foreach (var task in failed)
                    await batch.RetryAsync(task);
                // The retry is asynchronous (202): first the saga takes it up, then the task runs to its end again.
                await batch.WaitUntilChangedAsync(failedAt, $"the saga to take up the retries (round {round})");
                await batch.WaitUntilFinishedAsync($"the retried tasks to finish (round {round})");
            }
            var problems = await batch.CheckEveryStatusAnswersCompletedAsync();
            await stopSampling.CancelAsync();
            await sampling;
            await monitor;
            if (verify is not null)
                problems.AddRange(await verify(batch));
            var (restarts, crashes) = fixture.TakeSupervisorReport();
            foreach (var restart in restarts) batch.Note(restart);
            problems.AddRange(crashes);
            problems.AddRange(batch._problems);

            var outcome = await batch.AccountAsync(sampler, problems);
            batch.Log(outcome.ToString());
            fixture.Report.Add(outcome);
            return outcome;
        }
        finally
        {
            await finished.CancelAsync();
            await stopSampling.CancelAsync();
            await Task.WhenAll(sampling, monitor, injecting).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    /// <summary>Waits until the batch reaches a point (e.g. "some cards stored, not all tasks finished").</summary>
    public Task<BatchProgress> UntilAsync(Func<BatchProgress, bool> condition, string what, TimeSpan? timeout = null) =>
        Eventually.ReturnsAsync(() => Task.FromResult(Progress), condition, timeout ?? TimeSpan.FromMinutes(2), what);

    /// <summary>Records that the fault struck at <paramref name="atFault"/>; a problem unless tasks still had work to do then.</summary>
    public void StruckAt(BatchProgress atFault)
    {
        if (atFault.Terminal >= Size)
            Problem($"the batch had finished before the fault struck ({atFault}): the run proved nothing");
    }

    /// <summary>Something the fault found wrong; it breaks the row's invariants and fails the test.</summary>
    public void Problem(string problem)
    {
        _problems.Enqueue(problem);
        Log("PROBLEM: " + problem);
    }

    public void Note(string note)
    {
        _notes.Enqueue(note);
        Log(note);
    }

    public void Log(string message) => _output.WriteLine($"[{_clock.Elapsed.TotalSeconds,6:0.0}s] {message}");

    /// <summary>
    /// Submits the batch at a steady pace, each POST on its own, so submissions keep arriving during an outage. A POST
    /// that fails (an error status, or no answer within <see cref="SubmitTimeout"/>) is sent again with the same
    /// Idempotency-Key, as a frontend would: the key makes sure the retry cannot create a second task.
    /// </summary>
    private async Task SubmitAsync(IReadOnlyList<TestUser> learners)
    {
        await Task.WhenAll(Enumerable.Range(0, Size).Select(async i =>
        {
            await Task.Delay(SubmitSpacing * i);
            var learner = learners[i % learners.Count];
            var prompt = $"I want to learn {Topics[i % Topics.Length]} in {10 + i % 3 * 10} days";
            var key = $"{Fault}-{i}-{Guid.NewGuid():N}";
            var deadline = Stopwatch.StartNew();
            while (true)
            {
                var (taskId, failure) = await TrySubmitAsync(learner, prompt, key);
                if (taskId is not null)
                {
                    _tasks[taskId] = new BatchTask(taskId, learner, prompt, key);
                    return;
                }
                if (deadline.Elapsed > SubmitDeadline)
                {
                    Interlocked.Increment(ref _rejected);
                    Note($"generation {i} was never accepted: {failure}");
                    return;
                }
                Interlocked.Increment(ref _submitRetries);
                await Task.Delay(TimeSpan.FromSeconds(1));
            }
        }));
    }

    private async Task<(string? TaskId, string? Failure)> TrySubmitAsync(TestUser learner, string prompt, string key)
    {
        try
        {
            using var timeout = new CancellationTokenSource(SubmitTimeout);
            var request = ReliabilityFixture.As(learner, HttpMethod.Post, "/api/recommendation/learning-paths/generate", JsonContent.Create(new { prompt }));
            request.Headers.Add("Idempotency-Key", key);
            using var response = await _fixture.Http.SendAsync(request, timeout.Token);
            var body = await response.Content.ReadAsStringAsync(timeout.Token);
            if (response.StatusCode == HttpStatusCode.Accepted)
                return (JsonDocument.Parse(body).RootElement.GetProperty("task_id").GetString(), null);
            return (null, $"{(int)response.StatusCode} {body}");
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException or IOException)
        {
            return (null, $"{e.GetType().Name}: {e.Message}");
        }
    }

    private async Task RetryAsync(BatchTask task)
    {
        _retried.AddOrUpdate(task.TaskId, 1, (_, count) => count + 1);
        using var response = await _fixture.Http.SendAsync(ReliabilityFixture.As(task.Learner, HttpMethod.Post, $"/api/tasks/{task.TaskId}/retry"));
        Assert.True(response.StatusCode == HttpStatusCode.Accepted,
            $"retry of {task.TaskId}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>Keeps <see cref="Progress"/> current; a read that fails (PostgreSQL restarting) keeps the last one.</summary>
    private async Task MonitorAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                Volatile.Write(ref _progress, await ReadProgressAsync());
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException)
            {
                // Restarting: try again on the next tick.
            }
            try
            {
                await Task.Delay(250, stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task<BatchProgress> ReadProgressAsync()
    {
        var ids = _tasks.Keys.ToArray();
        await using var connection = new NpgsqlConnection(_fixture.Infrastructure.PostgresConnectionString);
        var row = await connection.QuerySingleAsync<(int Terminal, int Completed, int Failed, int Cards)>(
            """
            SELECT count(*) FILTER (WHERE status = ANY(@FinalStatuses))::int,
                   count(*) FILTER (WHERE status = 'completed')::int,
                   count(*) FILTER (WHERE status IN ('failed', 'timeout'))::int,
                   coalesce(sum(completed_items), 0)::int
            FROM user_tasks WHERE task_id = ANY(@ids)
            """, new { ids, FinalStatuses }, commandTimeout: 3);
        return new BatchProgress(ids.Length, row.Terminal, row.Completed, row.Failed, row.Cards);
    }

    private async Task WaitUntilFinishedAsync(string what)
    {
        var accepted = _tasks.Count;
        await _fixture.ExplainedAsync(_fixture.Ai, () => Eventually.ReturnsAsync(ReadProgressWhenReachableAsync,
            p => p is not null && p.Terminal == accepted, FinishDeadline, what));
    }

    private async Task<BatchProgress?> ReadProgressWhenReachableAsync()
    {
        try
        {
            return await ReadProgressAsync();
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            return null;
        }
    }

    private async Task<Dictionary<string, DateTimeOffset>> UpdatedAtAsync(IEnumerable<BatchTask> tasks)
    {
        await using var connection = new NpgsqlConnection(_fixture.Infrastructure.PostgresConnectionString);
        return (await connection.QueryAsync<(string TaskId, DateTimeOffset UpdatedAt)>(
                "SELECT task_id, updated_at FROM user_tasks WHERE task_id = ANY(@ids)", new { ids = tasks.Select(t => t.TaskId).ToArray() }))
            .ToDictionary(t => t.TaskId, t => t.UpdatedAt);
    }

    private Task WaitUntilChangedAsync(Dictionary<string, DateTimeOffset> before, string what) =>
        _fixture.ExplainedAsync(_fixture.Ai, () => Eventually.ReturnsAsync(async () =>
        {
            try
            {
                var now = await UpdatedAtAsync(before.Keys.Select(id => _tasks[id]));
                return before.All(b => now[b.Key] > b.Value);
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException)
            {
                return false;
            }
        }, changed => changed, FinishDeadline, what));

    private async Task<List<BatchTask>> FailedAsync()
    {
        await using var connection = new NpgsqlConnection(_fixture.Infrastructure.PostgresConnectionString);
        var failed = await connection.QueryAsync<string>(
            "SELECT task_id FROM user_tasks WHERE task_id = ANY(@ids) AND status IN ('failed', 'timeout')", new { ids = _tasks.Keys.ToArray() });
        return failed.Select(id => _tasks[id]).ToList();
    }

    /// <summary>
    /// Once PostgreSQL says every task is completed, the API must say so too, for every task, within seconds: a status
    /// cache left behind by a fault would otherwise show a finished task as running forever.
    /// </summary>
    private async Task<List<string>> CheckEveryStatusAnswersCompletedAsync()
    {
        var problems = new List<string>();
        await using var connection = new NpgsqlConnection(_fixture.Infrastructure.PostgresConnectionString);
        var completed = (await connection.QueryAsync<string>(
            "SELECT task_id FROM user_tasks WHERE task_id = ANY(@ids) AND status = 'completed'", new { ids = _tasks.Keys.ToArray() })).ToHashSet();
        await Task.WhenAll(_tasks.Values.Where(task => completed.Contains(task.TaskId)).Select(async task =>
        {
            try
            {
                await Eventually.ReturnsAsync(async () =>
                {
                    using var response = await _fixture.Http.SendAsync(ReliabilityFixture.As(task.Learner, HttpMethod.Get, $"/api/tasks/{task.TaskId}/status"));
                    var body = await response.Content.ReadAsStringAsync();
                    return response.IsSuccessStatusCode ? JsonDocument.Parse(body).RootElement.GetProperty("status").GetString() : $"{(int)response.StatusCode}";
                }, status => status == "completed", TimeSpan.FromSeconds(20));
            }
            catch (TimeoutException e)
            {
                lock (problems) problems.Add($"GET /api/tasks/{task.TaskId}/status never answered completed: {e.Message}");
            }
        }));
        return problems;
    }

    private async Task<BatchOutcome> AccountAsync(StatusSampler sampler, List<string> problems)
    {
        var ids = _tasks.Keys.ToArray();
        await using var connection = new NpgsqlConnection(_fixture.Infrastructure.PostgresConnectionString);
        var tasks = (await connection.QueryAsync<(string TaskId, string Status, string? Stage, int? TotalItems, int CompletedItems, int Paths)>(
            """
            SELECT t.task_id, t.status, t.stage, t.total_items, t.completed_items,
                   (SELECT count(*) FROM learning_paths p WHERE p.created_by_task = t.correlation_id)::int
            FROM user_tasks t WHERE t.task_id = ANY(@ids)
            """, new { ids })).ToDictionary(t => t.TaskId);
        // Per section of each task's path(s): stored cards, distinct positions, distinct contents.
        var sections = (await connection.QueryAsync<(string TaskId, long PathId, long SectionId, int Cards, int Positions, int Contents)>(
            """
            SELECT t.task_id, p.id, s.id, count(c.id)::int, count(DISTINCT c.position)::int, count(DISTINCT (c.front, c.back)) FILTER (WHERE c.id IS NOT NULL)::int
            FROM user_tasks t
            JOIN learning_paths p ON p.created_by_task = t.correlation_id
            JOIN sections s ON s.learning_path_id = p.id
            LEFT JOIN cards c ON c.section_id = s.id
            WHERE t.task_id = ANY(@ids)
            GROUP BY t.task_id, p.id, s.id
            """, new { ids })).ToList();

        var completed = tasks.Values.Where(t => t.Status == "completed").Select(t => t.TaskId).ToHashSet();
        var lost = ids.Where(id => !completed.Contains(id)).ToList();
        foreach (var id in lost)
            problems.Add($"lost: task {id} is {(tasks.TryGetValue(id, out var t) ? $"{t.Status} at {t.Stage}" : "missing from user_tasks")} after {_retried.GetValueOrDefault(id)} retries");
        if (lost.Count > 0)
            problems.Add(await PipelineState.DescribeAsync(_fixture, _fixture.Ai));
        if (_rejected > 0) problems.Add($"lost: {_rejected} generations were never accepted by the API");

        // Cards beyond one per (path, section, position), identical cards at two positions of a section, and every card of
        // a second path saved for the same task.
        var firstPathOfTask = sections.GroupBy(s => s.TaskId).ToDictionary(g => g.Key, g => g.Min(s => s.PathId));
        var duplicated = sections.Sum(s => s.Cards - s.Positions + (s.Positions - s.Contents) + (s.PathId == firstPathOfTask[s.TaskId] ? 0 : s.Positions));
        var missing = sections.Where(s => s.PathId == firstPathOfTask[s.TaskId]).Sum(s => Math.Max(0, ReliabilityFixture.CardsPerSection - s.Cards));
        if (duplicated > 0) problems.Add($"{duplicated} duplicated cards");
        if (missing > 0) problems.Add($"{missing} cards missing from sections of their paths");
        foreach (var task in tasks.Values.Where(t => t.Status == "completed"))
        {
            var cards = sections.Where(s => s.TaskId == task.TaskId && s.PathId == firstPathOfTask.GetValueOrDefault(task.TaskId)).Sum(s => s.Cards);
            if (task.Paths != 1) problems.Add($"task {task.TaskId} has {task.Paths} learning paths");
            if (task.TotalItems != cards || task.CompletedItems != cards)
                problems.Add($"task {task.TaskId} reports {task.CompletedItems}/{task.TotalItems} cards but its path has {cards}");
        }
        if (sampler.Errors > 0)
            problems.Add($"{sampler.Errors} of {sampler.Polls} status polls failed, e.g.:\n  " + string.Join("\n  ", sampler.ErrorSamples));

        if (sampler.Stalest is { } stalest) Note($"stalest answer: {stalest}");
        var retriedAndCompleted = _retried.Keys.Count(completed.Contains);
        return new BatchOutcome
        {
            Fault = Fault,
            Size = Size,
            Submitted = Size,
            CompletedDirectly = completed.Count - retriedAndCompleted,
            FailedThenRetried = retriedAndCompleted,
            Lost = lost.Count + _rejected,
            DuplicatedCards = duplicated,
            MissingCards = missing,
            Cards = sections.Sum(s => s.Cards),
            MaxStaleness = sampler.MaxStaleness,
            StaleAnswers = sampler.StaleAnswers,
            Polls = sampler.Polls,
            PollErrors = sampler.Errors,
            SlowestPoll = sampler.SlowestPoll,
            SubmitRetries = _submitRetries,
            Duration = _clock.Elapsed,
            Notes = _notes.ToList(),
            Problems = problems,
        };
    }
}
