using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Pipeline.Handlers.Guests;
using Pipeline.Tests.Infrastructure;

namespace Pipeline.Tests.Security;

/// <summary>Guest accounts whose sessions have long expired are deleted by Handlers; live guests and real accounts stay.</summary>
[Collection(PipelineCollection.Name)]
public sealed class Expired_guests(PipelineFixture fixture)
{
    [Fact]
    public async Task Are_purged_with_what_they_own_while_live_guests_and_accounts_stay()
    {
        var expired = await fixture.GuestAsync();
        var live = await fixture.GuestAsync();
        var registered = await fixture.SignUpAsync();
        await using var connection = new NpgsqlConnection(fixture.Infrastructure.PostgresConnectionString);
        await connection.ExecuteAsync("""
            UPDATE users SET created_at = now() - interval '30 days' WHERE id = ANY(@ids);
            UPDATE auth_sessions SET expires_at = now() - interval '2 days' WHERE user_id = @Id;
            """, new { ids = new[] { expired.Id, live.Id, registered.Id }, expired.Id });

        var purger = fixture.HandlerServices.GetRequiredService<ExpiredGuestPurger>();
        await purger.PurgeAsync(500, TestContext.Current.CancellationToken);

        var remaining = (await connection.QueryAsync<long>("SELECT id FROM users WHERE id = ANY(@ids)",
            new { ids = new[] { expired.Id, live.Id, registered.Id } })).ToHashSet();
        Assert.DoesNotContain(expired.Id, remaining);
        Assert.Contains(live.Id, remaining);
        Assert.Contains(registered.Id, remaining);
    }
}
