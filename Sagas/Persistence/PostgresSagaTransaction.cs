using System.Text.Json;
using Dapper;
using MassTransit;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Pipeline.Sagas.Persistence;

/// <summary>
/// One message's unit of work on <c>saga_instances</c>: a connection and a transaction in which instances are locked,
/// read, written and projected (<see cref="ISagaStateProjection{TSaga}"/>), then committed and announced after commit.
/// </summary>
public sealed class PostgresSagaTransaction<TSaga> : IAsyncDisposable where TSaga : class, SagaStateMachineInstance
{
    // Two-key advisory locks live in their own key space, apart from the migrator's single-key lock.
    private const int SagaLockClass = 0x5341_4741; // "SAGA"
    private static readonly string SagaType = typeof(TSaga).FullName!;
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.General);

    private readonly NpgsqlConnection _connection;
    private readonly NpgsqlTransaction _transaction;
    private readonly IReadOnlyList<ISagaStateProjection<TSaga>> _projections;
    private readonly CancellationToken _cancellationToken;
    private readonly HashSet<Guid> _locked = [];
    private readonly Dictionary<Guid, int> _versions = [];
    private readonly List<TSaga> _projected = [];

    private PostgresSagaTransaction(NpgsqlConnection connection, NpgsqlTransaction transaction,
        IReadOnlyList<ISagaStateProjection<TSaga>> projections, CancellationToken cancellationToken)
    {
        _connection = connection;
        _transaction = transaction;
        _projections = projections;
        _cancellationToken = cancellationToken;
    }

    public NpgsqlConnection Connection => _connection;
    public NpgsqlTransaction Transaction => _transaction;

    public static async Task<PostgresSagaTransaction<TSaga>> BeginAsync(NpgsqlDataSource dataSource,
        IReadOnlyList<ISagaStateProjection<TSaga>> projections, CancellationToken cancellationToken)
    {
        var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        try
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken);
            return new PostgresSagaTransaction<TSaga>(connection, transaction, projections, cancellationToken);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Loads and locks the instance until commit; null when there is none.</summary>
    public async Task<TSaga?> LoadAsync(Guid correlationId)
    {
        await LockAsync(correlationId);
        var row = await _connection.QuerySingleOrDefaultAsync<StoredInstance>(new CommandDefinition(
            "SELECT data::text AS Data, version AS Version FROM saga_instances WHERE correlation_id = @correlationId AND saga_type = @SagaType FOR UPDATE",
            new { correlationId, SagaType }, _transaction, cancellationToken: _cancellationToken));
        if (row is null)
            return null;
        _versions[correlationId] = row.Version;
        return Deserialize(row, correlationId);
    }

    /// <summary>Inserts the instance unless one with its correlation id exists; true when this call inserted it.</summary>
    public async Task<bool> TryInsertAsync(TSaga instance)
    {
        await LockAsync(instance.CorrelationId);
        SetVersion(instance, 1);
        var inserted = await _connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO saga_instances (correlation_id, saga_type, current_state, data, version)
            VALUES (@CorrelationId, @SagaType, @CurrentState, @Data::jsonb, 1)
            ON CONFLICT (correlation_id) DO NOTHING
            """, Parameters(instance, version: 1), _transaction, cancellationToken: _cancellationToken));
        if (inserted == 1)
            _versions[instance.CorrelationId] = 1;
        return inserted == 1;
    }

    /// <summary>Stores a new instance (created by this message) and projects it.</summary>
    public async Task InsertAsync(TSaga instance)
    {
        SetVersion(instance, 1);
        try
        {
            await _connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO saga_instances (correlation_id, saga_type, current_state, data, version)
                VALUES (@CorrelationId, @SagaType, @CurrentState, @Data::jsonb, @Version)
                """, Parameters(instance, version: 1), _transaction, cancellationToken: _cancellationToken));
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            // Messages for one correlation id are serialized by LockAsync, so this is an instance of another saga type.
            throw new SagaInstanceAlreadyExistsException(typeof(TSaga), instance.CorrelationId, e);
        }
        _versions[instance.CorrelationId] = 1;
        await ProjectAsync(instance);
    }

    /// <summary>Writes the changed instance with the next version and projects it.</summary>
    public async Task UpdateAsync(TSaga instance)
    {
        var loadedVersion = _versions.TryGetValue(instance.CorrelationId, out var version) ? version
            : throw new InvalidOperationException($"Saga {instance.CorrelationId} was not loaded in this transaction.");
        var nextVersion = loadedVersion + 1;
        SetVersion(instance, nextVersion);
        var row = Parameters(instance, nextVersion);
        var updated = await _connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE saga_instances
            SET current_state = @CurrentState, data = @Data::jsonb, version = @Version, updated_at = now()
            WHERE correlation_id = @CorrelationId AND saga_type = @SagaType AND version = @LoadedVersion
            """, new { row.CorrelationId, row.SagaType, row.CurrentState, row.Data, row.Version, LoadedVersion = loadedVersion },
            _transaction, cancellationToken: _cancellationToken));
        // The row is locked since the load, so nothing else can have changed it: a miss means someone bypassed the lock.
        if (updated != 1)
            throw new SagaException("The saga instance changed outside its lock", typeof(TSaga), instance.CorrelationId);
        _versions[instance.CorrelationId] = nextVersion;
        await ProjectAsync(instance);
    }

    /// <summary>Removes a finalized instance and projects its final state.</summary>
    public async Task DeleteAsync(TSaga instance)
    {
        await _connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM saga_instances WHERE correlation_id = @CorrelationId AND saga_type = @SagaType",
            new { instance.CorrelationId, SagaType }, _transaction, cancellationToken: _cancellationToken));
        _versions.Remove(instance.CorrelationId);
        await ProjectAsync(instance);
    }

    /// <summary>An instance created and finalized by the same message is never stored, but its owner still sees the end.</summary>
    public Task ProjectFinalizedWithoutStoringAsync(TSaga instance) => ProjectAsync(instance);

    public Task CommitAsync() => _transaction.CommitAsync(_cancellationToken);

    /// <summary>Runs every projection's after-commit step; a failure is logged and never fails the message.</summary>
    public async Task AnnounceCommittedAsync(ILogger logger)
    {
        foreach (var instance in _projected)
        foreach (var projection in _projections)
        {
            try
            {
                await projection.AfterCommitAsync(instance, _cancellationToken);
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "After-commit step of {Projection} failed for saga {SagaType} {CorrelationId}",
                    projection.GetType().Name, SagaType, instance.CorrelationId);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _transaction.DisposeAsync();
        await _connection.DisposeAsync();
    }

    private async Task ProjectAsync(TSaga instance)
    {
        foreach (var projection in _projections)
            await projection.ProjectAsync(_connection, _transaction, instance, _cancellationToken);
        _projected.Add(instance);
    }

    /// <summary>
    /// Serializes all messages of one correlation id, including the first ones, which have no row to lock yet: without
    /// this, two messages creating the same instance would both insert and one would fail on the primary key.
    /// </summary>
    private async Task LockAsync(Guid correlationId)
    {
        if (!_locked.Add(correlationId))
            return;
        await _connection.ExecuteAsync(new CommandDefinition(
            "SELECT pg_advisory_xact_lock(@SagaLockClass, hashtext(@correlationId::text))",
            new { SagaLockClass, correlationId }, _transaction, cancellationToken: _cancellationToken));
    }

    private static InstanceParameters Parameters(TSaga instance, int version) => new InstanceParameters(
        instance.CorrelationId, SagaType, SagaStateColumn<TSaga>.Read(instance), JsonSerializer.Serialize(instance, Json), version);

    private static void SetVersion(TSaga instance, int version)
    {
        if (instance is ISagaVersion versioned)
            versioned.Version = version;
    }

    private static TSaga Deserialize(StoredInstance row, Guid correlationId)
    {
        var instance = JsonSerializer.Deserialize<TSaga>(row.Data, Json)
            ?? throw new SagaException("The stored saga instance is empty", typeof(TSaga), correlationId);
        instance.CorrelationId = correlationId;
        SetVersion(instance, row.Version);
        return instance;
    }

    private sealed record StoredInstance(string Data, int Version);

    private sealed record InstanceParameters(Guid CorrelationId, string SagaType, string? CurrentState, string Data, int Version);
}
