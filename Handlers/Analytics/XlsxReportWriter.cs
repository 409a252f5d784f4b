using ClosedXML.Excel;

namespace Pipeline.Handlers.Analytics;

/// <summary>The report as a workbook: a Summary sheet, the detail table, and the charts' series as data.</summary>
public static class XlsxReportWriter
{
    public static ExportFile Write(Report report)
    {
        using var workbook = new XLWorkbook();
        var summary = workbook.Worksheets.Add("Summary");
        summary.Cell(1, 1).Value = report.Title;
        summary.Cell(1, 1).Style.Font.Bold = true;
        summary.Cell(2, 1).Value = "Period";
        summary.Cell(2, 2).Value = report.Period;
        summary.Cell(3, 1).Value = "Generated";
        summary.Cell(3, 2).Value = report.GeneratedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture);
        var line = 5;
        foreach (var (label, value) in report.Summary)
        {
            summary.Cell(line, 1).Value = label;
            summary.Cell(line++, 2).Value = value;
        }
        if (report.Includes("recommendations") && report.Recommendations.Count > 0)
        {
            summary.Cell(++line, 1).Value = "Recommendations";
            summary.Cell(line++, 1).Style.Font.Bold = true;
            foreach (var recommendation in report.Recommendations) summary.Cell(line++, 1).Value = recommendation;
        }

        var data = workbook.Worksheets.Add("Data");
        for (var c = 0; c < report.Columns.Count; c++)
        {
            data.Cell(1, c + 1).Value = report.Columns[c];
            data.Cell(1, c + 1).Style.Font.Bold = true;
        }
        for (var r = 0; r < report.Rows.Count; r++)
            for (var c = 0; c < report.Rows[r].Count; c++)
                data.Cell(r + 2, c + 1).Value = report.Rows[r][c] ?? "";

        var series = workbook.Worksheets.Add("Charts");
        series.Cell(1, 1).Value = "Day";
        series.Cell(1, 2).Value = "Concepts completed";
        for (var i = 0; i < report.ProgressOverTime.Count; i++)
        {
            series.Cell(i + 2, 1).Value = report.ProgressOverTime[i].Label;
            series.Cell(i + 2, 2).Value = report.ProgressOverTime[i].Value;
        }
        series.Cell(1, 4).Value = "Component";
        series.Cell(1, 5).Value = "Average mastery";
        for (var i = 0; i < report.MasteryByComponent.Count; i++)
        {
            series.Cell(i + 2, 4).Value = report.MasteryByComponent[i].Label;
            series.Cell(i + 2, 5).Value = report.MasteryByComponent[i].Value;
        }

        using var buffer = new MemoryStream();
        workbook.SaveAs(buffer);
        return new ExportFile(buffer.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");
    }
}
