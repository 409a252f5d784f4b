using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Pipeline.Edge.Api.Auth.Accounts;
using Pipeline.Tests.Auth;
using Pipeline.Tests.Infrastructure;

namespace Pipeline.Tests.Security;

/// <summary>
/// Issue 18 item 3: NUL bytes once left pooled connections broken under concurrency ("Received unexpected backend
/// message DataRow"), so other users' registrations failed. With the input guard bypassed (straight against the store,
/// on Edge.Api's own data source: pooled, auto-prepared), the failing statements fail alone on Npgsql 10.0.3.
/// </summary>
[Collection(PipelineCollection.Name)]
public sealed class A_failed_statement_and_pooled_connections(PipelineFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Nul_bytes_straight_to_the_store_fail_alone_while_200_concurrent_registrations_succeed()
    {
        var store = fixture.Api.Services.GetRequiredService<UserStore>();
        var lookups = fixture.Api.Services.GetRequiredService<NpgsqlDataSource>();

        for (var round = 0; round < 3; round++)
        {
            var legitimate = Enumerable.Range(0, 200).Select(i => Outcome(() =>
                i % 2 == 0
                    ? store.CreateAsync(new NewAccount(Credentials.NewEmail($"pool-{round}-{i}"), "unused", FirstName: "Ann", LastName: "Lee"), "hash", Cancel)
                    : (Task)store.FindByLoginAsync(Credentials.NewEmail("nobody"), Cancel)));
            var poisoned = Enumerable.Range(0, 200).Select(i => Outcome(() =>
                i % 2 == 0
                    ? store.CreateAsync(new NewAccount($"nul-{round}-{i}-{Guid.NewGuid():N}\0@example.com", "unused", FirstName: "A\0n"), "hash", Cancel)
                    : (Task)store.FindByLoginAsync($"nul\0{i}", Cancel)));

            var results = await Task.WhenAll(legitimate.Concat(poisoned));

            var legitimateFailures = results[..200].Where(e => e is not null).ToList();
            Assert.True(legitimateFailures.Count == 0, $"round {round}: {legitimateFailures.Count} legitimate statements failed, first: {legitimateFailures.FirstOrDefault()}");
            Assert.All(results[200..], e => Assert.Equal(PostgresErrorCodes.CharacterNotInRepertoire, Assert.IsType<PostgresException>(e).SqlState));
        }

        // Every connection the pool hands out afterwards still works.
        var after = await Task.WhenAll(Enumerable.Range(0, 200).Select(_ => Outcome(async () =>
        {
            await using var command = lookups.CreateCommand("SELECT count(*) FROM users WHERE email = $1");
            command.Parameters.Add(new NpgsqlParameter { Value = "nobody@example.com" });
            await command.ExecuteScalarAsync(Cancel);
        })));
        Assert.All(after, Assert.Null);
    }

    private static async Task<Exception?> Outcome(Func<Task> statement)
    {
        try
        {
            await statement();
            return null;
        }
        catch (Exception e)
        {
            return e;
        }
    }
}
