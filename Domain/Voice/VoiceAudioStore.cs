using Dapper;
using Npgsql;

namespace Pipeline.Domain.Voice;

/// <summary>
/// The owner of <c>voice_audio</c>: a learner's uploaded or streamed audio waiting to be transcribed (kind
/// <see cref="VoiceAudioKinds.Upload"/>, deleted once transcribed) and the tutor's spoken answers (kind
/// <see cref="VoiceAudioKinds.Response"/>), readable only by their owner.
/// </summary>
public sealed class VoiceAudioStore(NpgsqlDataSource dataSource)
{
    public async Task<long> AddAsync(long ownerId, string kind, AudioFormat format, byte[] audio, double? durationSeconds, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition("""
            INSERT INTO voice_audio (owner_id, kind, format, content_type, audio, duration_seconds)
            VALUES (@ownerId, @kind, @format, @contentType, @audio, @durationSeconds) RETURNING id
            """, new { ownerId, kind, format = format.Name, contentType = format.ContentType, audio, durationSeconds }, cancellationToken: ct));
    }

    /// <summary>The audio when <paramref name="ownerId"/> owns it and it is of <paramref name="kind"/>; null otherwise.</summary>
    public async Task<StoredAudio?> FindOwnedAsync(long id, long ownerId, string kind, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<StoredAudio>(new CommandDefinition("""
            SELECT id AS Id, owner_id AS OwnerId, kind AS Kind, format AS Format, content_type AS ContentType, audio AS Audio,
                   duration_seconds AS DurationSeconds
            FROM voice_audio WHERE id = @id AND owner_id = @ownerId AND kind = @kind
            """, new { id, ownerId, kind }, cancellationToken: ct));
    }

    /// <summary>Forgets the owner's spoken answers older than <paramref name="responsesBefore"/> and uploads a crashed edge
    /// left behind (older than <paramref name="uploadsBefore"/>).</summary>
    public async Task<int> PruneAsync(long ownerId, DateTimeOffset responsesBefore, DateTimeOffset uploadsBefore, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition("""
            DELETE FROM voice_audio WHERE owner_id = @ownerId
              AND ((kind = 'response' AND created_at < @responsesBefore) OR (kind = 'upload' AND created_at < @uploadsBefore))
            """, new { ownerId, responsesBefore, uploadsBefore }, cancellationToken: ct));
    }

    public async Task DeleteAsync(long id, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition("DELETE FROM voice_audio WHERE id = @id", new { id }, cancellationToken: ct));
    }
}
