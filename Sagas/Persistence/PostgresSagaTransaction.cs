using System.Text.Json;
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
    private readonly List<(TSaga Instance, ISagaStateProjection<TSaga> Projection, Func<CancellationToken, Task> Step)> _afterCommit = [];

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
        await using var batch = NewBatch();
        var locking = AddLock(batch, correlationId);
        batch.BatchCommands.Add(Command(
            "SELECT data::text, version FROM saga_instances WHERE correlation_id = $1 AND saga_type = $2 FOR UPDATE",
            correlationId, SagaType));
        await using var reader = await batch.ExecuteReaderAsync(_cancellationToken);
        if (locking)
            await reader.NextResultAsync(_cancellationToken); // past the lock's own result
        if (!await reader.ReadAsync(_cancellationToken))
            return null;
        var row = new StoredInstance(reader.GetString(0), reader.GetInt32(1));
        _versions[correlationId] = row.Version;
        return Deserialize(row, correlationId);
    }

    /// <summary>Inserts the instance unless one with its correlation id exists; true when this call inserted it.</summary>
    public async Task<bool> TryInsertAsync(TSaga instance)
    {
        SetVersion(instance, 1);
        await using var batch = NewBatch();
        AddLock(batch, instance.CorrelationId);
        var insert = InstanceCommand(
            """
            INSERT INTO saga_instances (correlation_id, saga_type, current_state, data, version)
            VALUES ($1, $2, $3, $4::jsonb, $5)
            ON CONFLICT (correlation_id) DO NOTHING
            """, instance, version: 1);
        batch.BatchCommands.Add(insert);
        await batch.ExecuteNonQueryAsync(_cancellationToken);
        var inserted = insert.RecordsAffected == 1;
        if (inserted)
            _versions[instance.CorrelationId] = 1;
        return inserted;
    }

    /// <summary>Stores a new instance (created by this message) and projects it, in one round trip.</summary>
    public async Task InsertAsync(TSaga instance)
    {
        SetVersion(instance, 1);
        try
        {
            await WriteAndProjectAsync(instance, InstanceCommand(
                """
                INSERT INTO saga_instances (correlation_id, saga_type, current_state, data, version)
                VALUES ($1, $2, $3, $4::jsonb, $5)
                """, instance, version: 1));
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            // Messages for one correlation id are serialized by the lock, so this is an instance of another saga type.
            throw new SagaInstanceAlreadyExistsException(typeof(TSaga), instance.CorrelationId, e);
        }
        _versions[instance.CorrelationId] = 1;
    }

    /// <summary>Writes the changed instance with the next version and projects it, in one round trip.</summary>
    public async Task UpdateAsync(TSaga instance)
    {
        var loadedVersion = _versions.TryGetValue(instance.CorrelationId, out var version) ? version
            : throw new InvalidOperationException($"Saga {instance.CorrelationId} was not loaded in this transaction.");
        var nextVersion = loadedVersion + 1;
        SetVersion(instance, nextVersion);
        var update = InstanceCommand(
            """
            UPDATE saga_instances SET current_state = $3, data = $4::jsonb, version = $5, updated_at = now()
            WHERE correlation_id = $1 AND saga_type = $2 AND version = $6
            """, instance, nextVersion);
        update.Parameters.Add(new NpgsqlParameter { Value = loadedVersion });
        await WriteAndProjectAsync(instance, update);
        // The row is locked since the load, so nothing else can have changed it: a miss means someone bypassed the lock.
        // (Throwing here rolls the projection back with it.)
        if (update.RecordsAffected != 1)
            throw new SagaException("The saga instance changed outside its lock", typeof(TSaga), instance.CorrelationId);
        _versions[instance.CorrelationId] = nextVersion;
    }

    /// <summary>Removes a finalized instance and projects its final state, in one round trip.</summary>
    public async Task DeleteAsync(TSaga instance)
    {
        await WriteAndProjectAsync(instance, Command(
            "DELETE FROM saga_instances WHERE correlation_id = $1 AND saga_type = $2", instance.CorrelationId, SagaType));
        _versions.Remove(instance.CorrelationId);
    }

    /// <summary>An instance created and finalized by the same message is never stored, but its owner still sees the end.</summary>
    public Task ProjectFinalizedWithoutStoringAsync(TSaga instance) => WriteAndProjectAsync(instance, write: null);

    public Task CommitAsync() => _transaction.CommitAsync(_cancellationToken);

    /// <summary>Runs every projection's after-commit step; a failure is logged and never fails the message.</summary>
    public async Task AnnounceCommittedAsync(ILogger logger)
    {
        foreach (var (instance, projection, step) in _afterCommit)
        {
            try
            {
                await step(_cancellationToken);
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

    /// <summary>Sends the saga row's write (if any) and every projection's statement as one batch, then reads their results.</summary>
    private async Task WriteAndProjectAsync(TSaga instance, NpgsqlBatchCommand? write)
    {
        await using var batch = NewBatch();
        if (write is not null)
            batch.BatchCommands.Add(write);
        foreach (var projection in _projections)
            batch.BatchCommands.Add(projection.CreateCommand(instance));
        // The saga row's write returns no rows, so the reader starts at the first projection's result.
        await using var reader = await batch.ExecuteReaderAsync(_cancellationToken);
        for (var i = 0; i < _projections.Count; i++)
        {
            if (i > 0)
                await reader.NextResultAsync(_cancellationToken);
            var step = await _projections[i].ReadResultAsync(reader, instance, _cancellationToken);
            if (step is not null)
                _afterCommit.Add((instance, _projections[i], step));
        }
    }

    private NpgsqlBatch NewBatch() => new(_connection, _transaction);

    /// <summary>
    /// Serializes all messages of one correlation id, including the first ones, which have no row to lock yet: without
    /// this, two messages creating the same instance would both insert and one would fail on the primary key. The lock
    /// goes out in the same batch as the statement it guards.
    /// </summary>
    /// <returns>True when the lock was added (the batch's first result is then the lock's).</returns>
    private bool AddLock(NpgsqlBatch batch, Guid correlationId)
    {
        if (!_locked.Add(correlationId))
            return false;
        batch.BatchCommands.Add(Command("SELECT pg_advisory_xact_lock($1, hashtext($2::text))", SagaLockClass, correlationId));
        return true;
    }

    private static NpgsqlBatchCommand Command(string sql, params object[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in values)
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        return command;
    }

    /// <summary>A statement whose parameters are $1 correlation id, $2 saga type, $3 state, $4 JSON data, $5 version.</summary>
    private static NpgsqlBatchCommand InstanceCommand(string sql, TSaga instance, int version) =>
        Command(sql, instance.CorrelationId, SagaType, (object?)SagaStateColumn<TSaga>.Read(instance) ?? DBNull.Value,
            JsonSerializer.Serialize(instance, Json), version);

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

}
