using Pipeline.Domain.Voice;

namespace Pipeline.Handlers.Voice;

public sealed record SpokenAudio(string Path, AudioFormat Format, string Engine);
