using System.Runtime.InteropServices;

namespace Pipeline.Handlers.Resources;

/// <summary>
/// Gives the C heap's free pages back to the system. ONNX Runtime allocates the model's weights with malloc; after the
/// session is disposed glibc keeps most of them (measured: 109 MB still resident without a trim, 59 MB with one;
/// docs/model-memory-benchmark.md). Nothing where the C library has no malloc_trim (musl, macOS, Windows).
/// </summary>
public static class GlibcHeap
{
    public static void Trim()
    {
        if (!OperatingSystem.IsLinux()) return;
        try
        {
            malloc_trim(0);
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            // Not glibc: nothing to trim this way.
        }
    }

    [DllImport("libc")]
    private static extern int malloc_trim(nuint pad);
}
