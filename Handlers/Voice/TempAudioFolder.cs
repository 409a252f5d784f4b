namespace Pipeline.Handlers.Voice;

/// <summary>A private folder for one piece of speech work, deleted with everything in it on dispose.</summary>
public sealed class TempAudioFolder : IDisposable
{
    public TempAudioFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"pipeline-voice-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path);
        if (!OperatingSystem.IsWindows()) System.IO.File.SetUnixFileMode(Path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
