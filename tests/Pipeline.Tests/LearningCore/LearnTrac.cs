using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Npgsql;
using Pipeline.Tests.Auth;
using Pipeline.Tests.Infrastructure;

namespace Pipeline.Tests.LearningCore;

/// <summary>Seed 003 calls and Trac edits for the learning-core tests.</summary>
public static class LearnTrac
{
    public const string Prefix = "/api/learntrac/v1";

    public static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public static async Task<JsonElement> GetJsonAsync(this TestUser user, string path) =>
        await (await user.Client.GetAsync(Prefix + path, Cancel)).JsonAsync();

    public static async Task<JsonElement> PostJsonAsync(this TestUser user, string path, object body) =>
        await (await user.Client.PostAsJsonAsync(Prefix + path, body, Cancel)).JsonAsync();

    public static Task<HttpResponseMessage> GetAsync(this TestUser user, string path) => user.Client.GetAsync(Prefix + path, Cancel);

    public static Task<HttpResponseMessage> PostAsync(this TestUser user, string path, object body) =>
        user.Client.PostAsJsonAsync(Prefix + path, body, Cancel);

    /// <summary>Waits until the importer has loaded the starter curriculum (150 concepts).</summary>
    public static async Task<JsonElement> CurriculumLoadedAsync(this TestUser user) =>
        await Eventually.ReturnsAsync(() => user.GetJsonAsync("/concepts?limit=1"), j => j.GetProperty("total").GetInt32() >= 150,
            TimeSpan.FromSeconds(60), "the starter curriculum is imported");

    /// <summary>Edits a ticket the way Trac does: the change and a new changetime in one statement each.</summary>
    public static async Task UpdateTicketAsync(this PipelineFixture fixture, long ticket, string? summary = null,
        IReadOnlyDictionary<string, string>? custom = null)
    {
        await using var connection = new NpgsqlConnection(fixture.Infrastructure.PostgresConnectionString);
        var now = (DateTimeOffset.UtcNow.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10;
        await connection.OpenAsync(Cancel);
        await using var transaction = await connection.BeginTransactionAsync(Cancel);
        foreach (var (name, value) in custom ?? new Dictionary<string, string>())
            await connection.ExecuteAsync("""
                INSERT INTO trac.ticket_custom (ticket, name, value) VALUES (@ticket, @name, @value)
                ON CONFLICT (ticket, name) DO UPDATE SET value = excluded.value
                """, new { ticket = (int)ticket, name, value }, transaction);
        await connection.ExecuteAsync("""
            UPDATE trac.ticket SET summary = coalesce(@summary, summary), changetime = greatest(@now, changetime + 1) WHERE id = @ticket
            """, new { ticket = (int)ticket, summary, now }, transaction);
        await transaction.CommitAsync(Cancel);
    }

    public static async Task<T> QueryScalarAsync<T>(this PipelineFixture fixture, string sql, object? args = null)
    {
        await using var connection = new NpgsqlConnection(fixture.Infrastructure.PostgresConnectionString);
        return await connection.ExecuteScalarAsync<T>(sql, args) ?? throw new InvalidOperationException(sql);
    }

    public static long[] Ids(this JsonElement array) => array.EnumerateArray().Select(e => e.GetInt64()).ToArray();
}
