using System.Globalization;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Pipeline.Handlers.Analytics;

/// <summary>
/// The report as a PDF: title and summary, two charts drawn as vector graphics (concepts completed per day, mastery by
/// component), the detail table across as many pages as it needs, and the recommendations.
/// </summary>
public static class PdfReportWriter
{
    private const double Margin = 40;

    public static ExportFile Write(Report report)
    {
        using var document = new PdfDocument();
        document.Info.Title = report.Title;
        var page = new Page(document);
        var title = new XFont(ReportFontResolver.Family, 18, XFontStyleEx.Bold);
        var heading = new XFont(ReportFontResolver.Family, 12, XFontStyleEx.Bold);
        var body = new XFont(ReportFontResolver.Family, 9);

        page.Text(report.Title, title, 26);
        page.Text($"Period: {report.Period}    Generated: {report.GeneratedAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC", body, 18);

        if (report.Includes("summary"))
        {
            page.Text("Summary", heading, 18);
            foreach (var (label, value) in report.Summary) page.Text($"{label}: {value}", body, 13);
            page.Space(8);
            page.Text("Progress over time (concepts completed per day)", heading, 16);
            Bars(page, report.ProgressOverTime, 150, vertical: true);
            page.Text("Mastery by component (average mastery score)", heading, 16);
            Bars(page, report.MasteryByComponent, Math.Max(40, 16 * report.MasteryByComponent.Count + 10), vertical: false);
        }

        if (report.Includes("detailed_progress"))
        {
            page.Text("Details", heading, 18);
            var width = (page.Width - 2 * Margin) / Math.Max(1, report.Columns.Count);
            var columnFont = new XFont(ReportFontResolver.Family, 6.5, XFontStyleEx.Bold);
            void Header()
            {
                for (var c = 0; c < report.Columns.Count; c++)
                    page.Graphics.DrawString(Clip(report.Columns[c], (int)(width / 4.2)), columnFont, XBrushes.DarkSlateGray, Margin + c * width, page.Y + 9);
                page.Y += 14;
            }
            Header();
            foreach (var row in report.Rows)
            {
                if (page.NeedsBreak(13)) { page.Break(); Header(); }
                for (var c = 0; c < row.Count; c++)
                    page.Graphics.DrawString(Clip(Cell(row[c]), (int)(width / 5.5)), body, XBrushes.Black, Margin + c * width, page.Y + 9);
                page.Y += 13;
            }
            if (report.Rows.Count == 0) page.Text("No activity in this period.", body, 13);
            page.Space(8);
        }

        if (report.Includes("recommendations"))
        {
            page.Text("Recommendations", heading, 18);
            if (report.Recommendations.Count == 0) page.Text("Nothing stands out in this period.", body, 13);
            foreach (var recommendation in report.Recommendations) page.Text("• " + Clip(recommendation, 110), body, 13);
        }

        page.Graphics.Dispose();
        using var buffer = new MemoryStream();
        document.Save(buffer, false);
        return new ExportFile(buffer.ToArray(), "application/pdf", "pdf");
    }

    private static void Bars(Page page, IReadOnlyList<(string Label, double Value)> series, double height, bool vertical)
    {
        if (page.NeedsBreak(height + 10)) page.Break();
        var left = Margin + (vertical ? 30 : 110);
        var width = page.Width - Margin - left;
        var top = page.Y;
        var label = new XFont(ReportFontResolver.Family, 7);
        page.Graphics.DrawRectangle(new XPen(XColors.LightGray, 0.5), left, top, width, height);
        if (series.Count == 0)
        {
            page.Graphics.DrawString("No data in this period", label, XBrushes.Gray, left + 8, top + height / 2);
            page.Y += height + 10;
            return;
        }
        var max = vertical ? Math.Max(1, series.Max(s => s.Value)) : 1.0;
        var fill = new XSolidBrush(XColor.FromArgb(70, 110, 180));
        if (vertical)
        {
            page.Graphics.DrawString(max.ToString("0", CultureInfo.InvariantCulture), label, XBrushes.Gray, Margin, top + 8);
            page.Graphics.DrawString("0", label, XBrushes.Gray, Margin, top + height - 12);
            var slot = width / series.Count;
            for (var i = 0; i < series.Count; i++)
            {
                var h = (height - 14) * series[i].Value / max;
                page.Graphics.DrawRectangle(fill, left + i * slot + slot * 0.15, top + height - 12 - h, slot * 0.7, h);
                if (series.Count <= 16 || i % (series.Count / 8 + 1) == 0)
                    page.Graphics.DrawString(series[i].Label, label, XBrushes.Black, left + i * slot, top + height - 2);
            }
        }
        else
        {
            var slot = (height - 10) / series.Count;
            for (var i = 0; i < series.Count; i++)
            {
                var y = top + 5 + i * slot;
                page.Graphics.DrawString(Clip(series[i].Label, 22), label, XBrushes.Black, Margin, y + slot * 0.7);
                page.Graphics.DrawRectangle(fill, left, y + slot * 0.15, (width - 40) * Math.Clamp(series[i].Value, 0, 1), slot * 0.7);
                page.Graphics.DrawString(series[i].Value.ToString("0.00", CultureInfo.InvariantCulture), label, XBrushes.Black,
                    left + (width - 40) * Math.Clamp(series[i].Value, 0, 1) + 4, y + slot * 0.7);
            }
        }
        page.Y += height + 10;
    }

    private static string Cell(object? value) => value switch
    {
        null => "",
        double d => d.ToString("0.##", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static string Clip(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";

    /// <summary>The page being written and where on it: a new one when the next item does not fit.</summary>
    private sealed class Page
    {
        private readonly PdfDocument _document;

        public Page(PdfDocument document)
        {
            _document = document;
            Break(first: true);
        }

        public XGraphics Graphics { get; private set; } = null!;
        public double Y { get; set; }
        public double Width { get; private set; }
        private double Height { get; set; }

        public bool NeedsBreak(double height) => Y + height > Height - Margin;

        public void Break(bool first = false)
        {
            if (!first) Graphics.Dispose();
            var page = _document.AddPage();
            page.Size = PdfSharp.PageSize.A4;
            Width = page.Width.Point;
            Height = page.Height.Point;
            Graphics = XGraphics.FromPdfPage(page);
            Y = Margin;
        }

        public void Text(string text, XFont font, double lineHeight)
        {
            if (NeedsBreak(lineHeight)) Break();
            Graphics.DrawString(text, font, XBrushes.Black, Margin, Y + lineHeight * 0.75);
            Y += lineHeight;
        }

        public void Space(double height) => Y += height;
    }
}
