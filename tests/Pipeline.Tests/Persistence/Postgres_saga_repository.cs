using Dapper;
using Pipeline.Tests.Infrastructure;

namespace Pipeline.Tests.Persistence;

public sealed class Postgres_saga_repository(SagaPersistenceFixture fixture) : IClassFixture<SagaPersistenceFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Keeps_a_saga_through_its_events_and_deletes_it_when_finalized()
    {
        var id = Guid.NewGuid();

        await fixture.Bus.Publish(new CountUp(id), TestContext.Current.CancellationToken);
        var created = await Eventually.ReturnsAsync(() => fixture.LoadAsync(id), s => s is not null, Patience, "the saga is created");
        Assert.Equal(("Counting", 1, 1), (created!.CurrentState, created.Count, created.Version));

        await fixture.Bus.Publish(new CountUp(id), TestContext.Current.CancellationToken);
        await fixture.Bus.Publish(new CountUp(id), TestContext.Current.CancellationToken);
        var updated = await Eventually.ReturnsAsync(() => fixture.LoadAsync(id), s => s?.Count == 3, Patience, "both updates are stored");
        Assert.Equal(3, updated!.Version);
        Assert.Equal(3, await fixture.ProjectedCountAsync(id));

        await fixture.Bus.Publish(new StopCounting(id), TestContext.Current.CancellationToken);
        await Eventually.ReturnsAsync(() => fixture.LoadAsync(id), s => s is null, Patience, "the finalized saga is deleted");
        await using var connection = await fixture.DataSource.OpenConnectionAsync(TestContext.Current.CancellationToken);
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM saga_instances WHERE correlation_id = @id", new { id }));
        Assert.Equal("Final", await connection.ExecuteScalarAsync<string>("SELECT state FROM counter_projection WHERE correlation_id = @id", new { id }));
    }

    [Fact]
    public async Task Runs_the_after_commit_step_only_once_the_projected_row_is_committed()
    {
        var id = Guid.NewGuid();

        // One event at a time, so a later commit cannot be mistaken for this one.
        foreach (var expectedCount in new[] { 1, 2 })
        {
            await fixture.Bus.Publish(new CountUp(id), TestContext.Current.CancellationToken);
            var committed = await Eventually.ReturnsAsync(
                () => Task.FromResult(fixture.Log.Committed.SingleOrDefault(c => c.CorrelationId == id && c.Count == expectedCount)),
                c => c is not null, Patience, "the after-commit step runs");
            Assert.Equal(expectedCount, committed!.CountVisibleToOthers);
        }
    }

    [Fact]
    public async Task Rolls_back_the_saga_state_when_its_projection_fails_and_retries_the_message_until_it_faults()
    {
        var id = Guid.NewGuid();
        await fixture.Bus.Publish(new CountUp(id), TestContext.Current.CancellationToken);
        await Eventually.ReturnsAsync(() => fixture.LoadAsync(id), s => s?.Count == 1, Patience);

        await fixture.Bus.Publish(new CountUp(id, CounterProjection.FailNote), TestContext.Current.CancellationToken);

        await Eventually.HoldsAsync(() => Task.FromResult(fixture.Log.Faults.Contains(id)), Patience, "the message faults after its retries");
        Assert.Equal(1 + CounterStateDefinition.Retries, fixture.Log.FailedProjections.Count(f => f == id));
        var state = await fixture.LoadAsync(id);
        Assert.Equal((1, 1, null), (state!.Count, state.Version, state.LastNote));
        Assert.Equal(1, await fixture.ProjectedCountAsync(id));
    }

    [Fact]
    public async Task Loses_no_update_when_many_events_for_the_same_sagas_arrive_at_once()
    {
        const int sagas = 20, eventsPerSaga = 10;
        var ids = Enumerable.Range(0, sagas).Select(_ => Guid.NewGuid()).ToList();

        // Every saga's first events race to create it, the rest race to update it.
        await Task.WhenAll(ids.SelectMany(id => Enumerable.Range(0, eventsPerSaga).Select(_ => fixture.Bus.Publish(new CountUp(id)))));

        await using var connection = await fixture.DataSource.OpenConnectionAsync(TestContext.Current.CancellationToken);
        var counts = await Eventually.ReturnsAsync(
            async () => (await connection.QueryAsync<int>(
                "SELECT (data->>'Count')::int FROM saga_instances WHERE correlation_id = ANY(@ids)", new { ids = ids.ToArray() })).ToList(),
            found => found.Count == sagas && found.All(c => c == eventsPerSaga), TimeSpan.FromSeconds(60),
            "every saga counted every event");
        Assert.Equal(sagas * eventsPerSaga, counts.Sum());
        Assert.DoesNotContain(ids, id => fixture.Log.Faults.Contains(id));
    }
}
