using System.Text.RegularExpressions;
using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;

namespace Pipeline.Edge.Api.Concepts;

/// <summary>
/// Mastery certificates as real PDFs (PDFsharp 6.2.4, MIT). Fonts come from the package itself (its Segoe WP faces),
/// so no system font is needed. Named as seed 003 shows: <c>{concept_id}-{first 8 hex digits of the session}.pdf</c>.
/// </summary>
public static partial class Certificates
{
    private static readonly Lock FontLock = new();

    public static string FileName(long conceptId, Guid sessionId) => $"{conceptId}-{sessionId.ToString("N")[..8]}.pdf";

    public static bool TryParse(string file, out long conceptId, out string sessionPrefix)
    {
        var match = FileNamePattern().Match(file);
        conceptId = match.Success && long.TryParse(match.Groups[1].Value, out var id) ? id : 0;
        sessionPrefix = match.Success ? match.Groups[2].Value.ToLowerInvariant() : "";
        return conceptId > 0;
    }

    public static byte[] Render(string learner, string conceptTitle, string? milestone, double mastery, DateTimeOffset awardedAt, Guid sessionId)
    {
        EnsureFonts();
        using var document = new PdfDocument();
        document.Info.Title = $"Certificate of mastery: {conceptTitle}";
        document.Info.Author = "LearnTrac";
        var page = document.AddPage();
        page.Width = XUnit.FromMillimeter(297);
        page.Height = XUnit.FromMillimeter(210);
        using (var gfx = XGraphics.FromPdfPage(page))
        {
            var width = page.Width.Point;
            var height = page.Height.Point;
            gfx.DrawRectangle(new XPen(XColor.FromArgb(40, 70, 140), 4), 24, 24, width - 48, height - 48);
            var title = new XFont(PackagedFonts.Family, 34, XFontStyleEx.Bold);
            var large = new XFont(PackagedFonts.Family, 24, XFontStyleEx.Bold);
            var body = new XFont(PackagedFonts.Family, 14, XFontStyleEx.Regular);
            var center = XStringFormats.TopCenter;
            gfx.DrawString("Certificate of Mastery", title, XBrushes.DarkSlateBlue, new XRect(0, 90, width, 40), center);
            gfx.DrawString("This certifies that", body, XBrushes.Black, new XRect(0, 170, width, 20), center);
            gfx.DrawString(learner, large, XBrushes.Black, new XRect(0, 200, width, 30), center);
            gfx.DrawString("has mastered the concept", body, XBrushes.Black, new XRect(0, 250, width, 20), center);
            gfx.DrawString(conceptTitle, large, XBrushes.DarkSlateBlue, new XRect(0, 280, width, 30), center);
            if (milestone is not null)
                gfx.DrawString($"Milestone: {milestone}", body, XBrushes.Black, new XRect(0, 330, width, 20), center);
            gfx.DrawString($"Mastery score {mastery:0.00}  ·  {awardedAt:yyyy-MM-dd}", body, XBrushes.Black, new XRect(0, 360, width, 20), center);
            gfx.DrawString($"Session {sessionId}", new XFont(PackagedFonts.Family, 9, XFontStyleEx.Regular), XBrushes.Gray,
                new XRect(0, height - 60, width, 14), center);
        }
        using var stream = new MemoryStream();
        document.Save(stream, false);
        return stream.ToArray();
    }

    private static void EnsureFonts()
    {
        lock (FontLock)
        {
            if (GlobalFontSettings.FontResolver is null) GlobalFontSettings.FontResolver = new PackagedFonts();
        }
    }

    [GeneratedRegex(@"^(\d{1,18})-([0-9a-fA-F]{8})\.pdf$")]
    private static partial Regex FileNamePattern();

    /// <summary>Resolves every family to the Segoe WP faces PDFsharp ships in PdfSharp.WPFonts.</summary>
    private sealed class PackagedFonts : IFontResolver
    {
        public const string Family = "LearnTrac Certificate";

        public FontResolverInfo ResolveTypeface(string familyName, bool bold, bool italic) =>
            new(bold ? "SegoeWP-Bold" : "SegoeWP", false, italic);

        public byte[] GetFont(string faceName) =>
            faceName == "SegoeWP-Bold" ? PdfSharp.WPFonts.FontDataHelper.SegoeWPBold : PdfSharp.WPFonts.FontDataHelper.SegoeWP;
    }
}
