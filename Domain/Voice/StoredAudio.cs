namespace Pipeline.Domain.Voice;

public sealed record StoredAudio(long Id, long OwnerId, string Kind, string Format, string ContentType, byte[] Audio, double? DurationSeconds);
