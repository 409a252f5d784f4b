using System.Globalization;
using CsvHelper;

namespace Pipeline.Handlers.Analytics;

/// <summary>
/// The report's detail table as RFC 4180 CSV (header row, one row per learner, concept or milestone). Fields that a
/// spreadsheet would run as a formula (=, +, -, @ first) are escaped: titles come from users.
/// </summary>
public static class CsvReportWriter
{
    public static ExportFile Write(Report report)
    {
        using var buffer = new MemoryStream();
        using (var csv = CsvWriter.Create(buffer, new CsvWriterOptions { Injection = CsvInjection.Escape }, leaveOpen: true))
        {
            csv.WriteRecord(report.Columns.ToArray());
            foreach (var row in report.Rows)
                csv.WriteRecord(row.Select(Format).ToArray());
        }
        return new ExportFile(buffer.ToArray(), "text/csv", "csv");
    }

    private static string Format(object? value) => value switch
    {
        null => "",
        double d => d.ToString("0.####", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
