using PdfSharp.Fonts;

namespace Pipeline.Handlers.Analytics;

/// <summary>
/// PDFsharp finds no fonts by itself off Windows: every face the reports use is DejaVu Sans (Debian's fonts-dejavu-core,
/// installed by scripts/infra.sh), read from <see cref="Directory"/>.
/// </summary>
public sealed class ReportFontResolver(string directory) : IFontResolver
{
    public const string Family = "DejaVu Sans";
    private const string Regular = "DejaVuSans";
    private const string Bold = "DejaVuSans-Bold";

    public string Directory => directory;

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) => new(bold ? Bold : Regular);

    public byte[]? GetFont(string faceName) => File.ReadAllBytes(Path.Combine(directory, faceName + ".ttf"));

    private static readonly Lock Gate = new();

    /// <summary>PDFsharp takes one resolver per process, before its first use.</summary>
    public static void EnsureInstalled(string directory)
    {
        lock (Gate)
            if (GlobalFontSettings.FontResolver is null)
                GlobalFontSettings.FontResolver = new ReportFontResolver(directory);
    }
}
