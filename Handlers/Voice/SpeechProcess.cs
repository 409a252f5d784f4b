using System.Diagnostics;
using System.Text;

namespace Pipeline.Handlers.Voice;

/// <summary>
/// Runs a speech tool (ffmpeg, pocketsphinx, espeak-ng) as a process: program and argument list (never a shell
/// string, so no text is ever interpreted), optional stdin, a timeout after which the whole process tree is killed.
/// </summary>
public static class SpeechProcess
{
    public sealed record Result(int ExitCode, string StandardOutput, string StandardError);

    public static async Task<Result> RunAsync(string program, IEnumerable<string> arguments, TimeSpan timeout, CancellationToken cancellationToken,
        string? standardInput = null)
    {
        var start = new ProcessStartInfo(program)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);

        using var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new SpeechEngineException($"{program} could not be started ({e.Message}); install it (scripts/infra.sh installs it).", e);
        }
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        var output = process.StandardOutput.ReadToEndAsync(limit.Token);
        var error = process.StandardError.ReadToEndAsync(limit.Token);
        try
        {
            if (standardInput is not null) await process.StandardInput.WriteAsync(standardInput.AsMemory(), limit.Token);
            process.StandardInput.Close();
            await process.WaitForExitAsync(limit.Token);
            return new Result(process.ExitCode, await output, await error);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException)
        {
            try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
            cancellationToken.ThrowIfCancellationRequested();
            if (e is IOException && process.HasExited) return new Result(process.ExitCode, "", e.Message);
            throw new SpeechEngineException($"{program} did not finish within {timeout.TotalSeconds:0} s.", e);
        }
    }
}
