using System.Diagnostics;
using System.Net;
using Dapper;
using Npgsql;
using Pipeline.Tests.Infrastructure;
using Pipeline.Tests.LearningPaths;

namespace Pipeline.Tests.Faults;

/// <summary>
/// "A worker process killed during a batch of generations: after restart every task completes, no card duplicated."
/// The worker is the real Handlers host in a child process, killed with SIGKILL while it holds unacknowledged messages.
/// </summary>
public sealed class Killing_a_worker(WorkerProcessFixture fixture, ITestOutputHelper output) : IClassFixture<WorkerProcessFixture>
{
    private const int Learners = 3;
    private const int GenerationsPerLearner = 4;
    private static readonly TimeSpan Completion = TimeSpan.FromSeconds(120);

    private static readonly string[] Topics =
    [
        "chess", "guitar", "photography", "trading", "spanish", "gardening",
        "knitting", "poker", "astronomy", "sailing", "pottery", "baking",
    ];

    [Fact]
    public async Task Every_task_completes_after_a_restart_without_duplicate_cards()
    {
        var clock = Stopwatch.StartNew();
        var learners = new List<TestUser>();
        for (var i = 0; i < Learners; i++) learners.Add(await fixture.SignUpAsync());
        await using var workerA = await fixture.StartWorkerAsync("a");
        Log(clock, $"worker A ready (pid {workerA.ProcessId}, log {workerA.LogPath})");

        var submissions = await Task.WhenAll(Enumerable.Range(0, Learners * GenerationsPerLearner).Select(async i =>
        {
            var learner = learners[i % Learners];
            var response = await learner.Client.GenerateInBackgroundAsync($"I want to learn {Topics[i]} in 30 days");
            if (response.StatusCode != HttpStatusCode.Accepted)
                Assert.Fail($"Expected Accepted, got {response.StatusCode}: {await response.Content.ReadAsStringAsync()} (edge log: {fixture.ApiLog.LogPath})");
            return (Learner: learner, TaskId: (await response.JsonAsync()).GetProperty("task_id").GetString()!);
        }));
        Log(clock, $"{submissions.Length} generations submitted");

        // Kill in the middle of the card fan-out: some sections have cards, some tasks are not finished.
        var beforeKill = await fixture.ExplainedAsync(fixture.Ai, () => Eventually.ReturnsAsync(ProgressAsync,
            p => p.Cards > 0 && p.CompletedTasks < submissions.Length, TimeSpan.FromSeconds(60), "worker A to store its first cards"));
        await workerA.KillAsync();
        var atKill = await ProgressAsync();
        var callsAtKill = fixture.Ai.CallCount;
        Log(clock, $"worker A killed: before {beforeKill}, after {atKill}, {callsAtKill} AI calls so far");
        Assert.True(atKill.CompletedTasks < submissions.Length,
            $"The batch finished before the worker was killed ({atKill}): the test proved nothing; make the fake AI slower.");

        await using var workerB = await fixture.StartWorkerAsync("b");
        Log(clock, $"worker B ready (pid {workerB.ProcessId}, log {workerB.LogPath})");

        var deadline = Stopwatch.StartNew();
        foreach (var (learner, taskId) in submissions)
        {
            var remaining = Completion - deadline.Elapsed;
            var done = await fixture.ExplainedAsync(fixture.Ai, () => learner.Client.WaitForStatusAsync(taskId,
                remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero, "completed", "failed", "timeout", "canceled"));
            Assert.True(done.GetProperty("status").GetString() == "completed", $"task {taskId} ended {done}\n{Tail(workerB)}");
        }
        var final = await ProgressAsync();
        Log(clock, $"every task completed after the restart: {final}, {fixture.Ai.CallCount} AI calls in all");
        Assert.True(final.Cards > atKill.Cards, "worker B stored no cards: the restart did not take over the batch");

        await using var connection = new NpgsqlConnection(fixture.Infrastructure.PostgresConnectionString);
        var tasks = (await connection.QueryAsync<(string TaskId, string Status, int? TotalItems, int CompletedItems, long? LearningPathId, long? PathOfTask)>(
            """
            SELECT t.task_id, t.status, t.total_items, t.completed_items, t.learning_path_id, p.id
            FROM user_tasks t LEFT JOIN learning_paths p ON p.created_by_task = t.correlation_id
            """)).ToList();
        Assert.Equal(submissions.Select(s => s.TaskId).Order(), tasks.Select(t => t.TaskId).Order());
        Assert.All(tasks, t =>
        {
            Assert.Equal("completed", t.Status);
            Assert.NotNull(t.LearningPathId);
            Assert.Equal(t.PathOfTask, t.LearningPathId);
            Assert.True(t.TotalItems > 0, $"task {t.TaskId} has no cards to count");
            Assert.Equal(t.TotalItems, t.CompletedItems);
        });
        // One path per task: a redelivered save found the path it had already written.
        Assert.Equal(submissions.Length, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM learning_paths"));

        var sections = (await connection.QueryAsync<(long SectionId, string TaskId, int Cards, int Positions, int FirstPosition, int LastPosition)>(
            """
            SELECT s.id, t.task_id, count(c.id)::int, count(DISTINCT c.position)::int,
                   coalesce(min(c.position), -1), coalesce(max(c.position), -1)
            FROM user_tasks t
            JOIN learning_paths p ON p.created_by_task = t.correlation_id
            JOIN sections s ON s.learning_path_id = p.id
            LEFT JOIN cards c ON c.section_id = s.id
            GROUP BY s.id, t.task_id
            """)).ToList();
        Assert.All(sections, s =>
        {
            Assert.True(s.Cards == WorkerProcessFixture.CardsPerSection,
                $"section {s.SectionId} of task {s.TaskId} has {s.Cards} cards, expected {WorkerProcessFixture.CardsPerSection}");
            Assert.Equal(s.Cards, s.Positions);
            Assert.Equal((0, s.Cards - 1), (s.FirstPosition, s.LastPosition));
        });
        foreach (var task in tasks)
            Assert.Equal(task.TotalItems, sections.Where(s => s.TaskId == task.TaskId).Sum(s => s.Cards));
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>(
            "SELECT count(*) FROM (SELECT section_id, position FROM cards GROUP BY 1, 2 HAVING count(*) > 1) AS duplicates"));
        Log(clock, $"{tasks.Count} tasks, {sections.Count} sections, {sections.Sum(s => s.Cards)} cards: none missing, none duplicated");

        await workerB.StopAsync();
        Log(clock, $"worker B stopped gracefully (exit code {workerB.ExitCode})");
    }

    private async Task<BatchProgress> ProgressAsync()
    {
        await using var connection = new NpgsqlConnection(fixture.Infrastructure.PostgresConnectionString);
        return await connection.QuerySingleAsync<BatchProgress>(
            """
            SELECT (SELECT count(*) FROM cards)::int AS Cards,
                   (SELECT count(DISTINCT section_id) FROM cards)::int AS SectionsWithCards,
                   (SELECT count(*) FROM sections)::int AS Sections,
                   (SELECT count(*) FROM user_tasks WHERE status = 'completed')::int AS CompletedTasks
            """);
    }

    private void Log(Stopwatch clock, string message) => output.WriteLine($"[{clock.Elapsed.TotalSeconds,6:0.00}s] {message}");

    private static string Tail(HandlersProcess worker) =>
        $"--- {worker.LogPath} ---\n" + string.Join('\n', worker.ReadLog().Split('\n').TakeLast(30));

    private sealed record BatchProgress(int Cards, int SectionsWithCards, int Sections, int CompletedTasks)
    {
        public override string ToString() =>
            $"{Cards} cards in {SectionsWithCards}/{Sections} saved sections, {CompletedTasks} tasks completed";
    }
}
