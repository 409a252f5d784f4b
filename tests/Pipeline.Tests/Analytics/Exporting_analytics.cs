using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ClosedXML.Excel;
using CsvHelper;
using Pipeline.Tests.Infrastructure;
using Pipeline.Tests.LearningPaths;
using Pipeline.Tests.Webhooks;

namespace Pipeline.Tests.Analytics;

public sealed class Exporting_analytics(AnalyticsFixture fixture) : IClassFixture<AnalyticsFixture>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    private async Task<(string ExportId, JsonElement Status)> ExportAsync(TestUser instructor, string format, object? filters = null)
    {
        var accepted = await instructor.Client.PostAsJsonAsync("/api/learntrac/v1/analytics/export", new
        {
            report_type = "learner_progress", format, filters, include_sections = new[] { "summary", "detailed_progress", "recommendations" },
        });
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        var body = await accepted.JsonAsync();
        Assert.Equal("processing", body.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("download_url").ValueKind);
        var exportId = body.GetProperty("export_id").GetString()!;
        var statusUrl = new Uri(body.GetProperty("webhook_url").GetString()!);
        Assert.Equal($"/api/learntrac/v1/analytics/export/{exportId}/status", statusUrl.AbsolutePath);
        var status = await Eventually.ReturnsAsync(async () => await (await instructor.Client.GetAsync(statusUrl.PathAndQuery)).JsonAsync(),
            s => s.GetProperty("status").GetString() != "processing", Deadline, $"the {format} export");
        Assert.Equal("completed", status.GetProperty("status").GetString());
        return (exportId, status);
    }

    private static async Task<byte[]> DownloadAsync(TestUser user, JsonElement status, string contentType)
    {
        var response = await user.Client.GetAsync(new Uri(status.GetProperty("download_url").GetString()!).PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        return await response.Content.ReadAsByteArrayAsync();
    }

    private async Task<TestUser> LearnerWithActivityAsync()
    {
        var learner = await fixture.SignUpAsync();
        await fixture.CompleteConceptAsync(learner.Id, 1230, "HTTP Protocol Basics", 0.9, 3600, "backend", "API Development");
        await fixture.CompleteConceptAsync(learner.Id, 1300, "CSS Layout", 0.6, 1200, "frontend", "Web Basics");
        return learner;
    }

    [Fact]
    public async Task A_pdf_export_opens_with_its_title_and_charts_and_only_its_requester_downloads_it()
    {
        var learner = await LearnerWithActivityAsync();
        var instructor = await fixture.SignUpAsync("instructor");
        var other = await fixture.SignUpAsync("instructor");
        await Eventually.HoldsAsync(async () => (await (await instructor.Client.GetAsync($"/api/learntrac/v1/analytics/learner/{learner.Id}")).JsonAsync())
            .GetProperty("learning_profile").GetProperty("strength_areas").GetArrayLength() == 1, Deadline, "the rollups");

        var (exportId, status) = await ExportAsync(instructor, "pdf", new { user_ids = new[] { learner.Id.ToString() } });
        var pdf = await DownloadAsync(instructor, status, "application/pdf");

        var path = Path.Combine(Path.GetTempPath(), $"{exportId}.pdf");
        await File.WriteAllBytesAsync(path, pdf);
        try
        {
            var text = await PdfTextAsync(path);
            Assert.Contains("LearnTrac Learner Progress Report", text);
            Assert.Contains("Progress over time", text);
            Assert.Contains("Mastery by component", text);
            Assert.Contains("backend", text); // a bar of the component chart is labelled
            Assert.Contains(learner.Id.ToString(), text);
        }
        finally
        {
            File.Delete(path);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await other.Client.GetAsync($"/api/learntrac/v1/analytics/export/{exportId}/download")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Client.GetAsync($"/api/learntrac/v1/analytics/export/{exportId}/status")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await learner.Client.GetAsync($"/api/learntrac/v1/analytics/export/{exportId}/download")).StatusCode);
    }

    [Fact]
    public async Task A_csv_export_parses_with_a_row_per_learner()
    {
        var learner = await LearnerWithActivityAsync();
        var instructor = await fixture.SignUpAsync("instructor");
        await Eventually.HoldsAsync(async () => (await (await instructor.Client.GetAsync($"/api/learntrac/v1/analytics/learner/{learner.Id}")).JsonAsync())
            .GetProperty("learning_profile").GetProperty("strength_areas").GetArrayLength() == 1, Deadline, "the rollups");

        var (_, status) = await ExportAsync(instructor, "csv");
        var csv = await DownloadAsync(instructor, status, "text/csv");

        using var reader = CsvReader.Create(csv, new CsvReaderOptions { HasHeader = true });
        reader.ReadHeader();
        var rows = new List<(string UserId, string Completions, string Mastery)>();
        while (reader.Read())
            rows.Add((reader.GetString("user_id"), reader.GetString("concepts_completed"), reader.GetString("average_mastery")));
        Assert.Contains((learner.Id.ToString(), "2", "0.75"), rows);
    }

    [Fact]
    public async Task An_xlsx_export_opens_in_closedxml_and_export_completed_reaches_the_requesters_webhook()
    {
        var learner = await LearnerWithActivityAsync();
        var instructor = await fixture.SignUpAsync("instructor");
        await using var receiver = await WebhookReceiver.StartAsync();
        var webhookId = await instructor.RegisterAsync(receiver.Url, "export.completed");
        await Eventually.HoldsAsync(async () => (await (await instructor.Client.GetAsync($"/api/learntrac/v1/analytics/learner/{learner.Id}")).JsonAsync())
            .GetProperty("learning_profile").GetProperty("strength_areas").GetArrayLength() == 1, Deadline, "the rollups");

        var (exportId, status) = await ExportAsync(instructor, "xlsx", new { user_ids = new[] { learner.Id.ToString() }, start_date = "2020-01-01" });
        var xlsx = await DownloadAsync(instructor, status, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

        using (var workbook = new XLWorkbook(new MemoryStream(xlsx)))
        {
            Assert.Equal("LearnTrac Learner Progress Report", workbook.Worksheet("Summary").Cell(1, 1).GetString());
            var data = workbook.Worksheet("Data");
            Assert.Equal("user_id", data.Cell(1, 1).GetString());
            Assert.Equal(learner.Id.ToString(), data.Cell(2, 1).GetString());
            Assert.Equal(2, data.Cell(2, 2).GetDouble());
            Assert.True(data.Cell(3, 1).IsEmpty());
        }

        var delivered = (await Eventually.ReturnsAsync(() => Task.FromResult(receiver.Requests.ToList()),
            r => r.Any(x => x.Json.GetProperty("event").GetString() == "export.completed"), Deadline, "export.completed"))
            .First(x => x.Json.GetProperty("event").GetString() == "export.completed");
        Assert.Equal(exportId, delivered.Json.GetProperty("data").GetProperty("export_id").GetString());
        Assert.Equal(WebhookApi.Sha256Hex(delivered.Body), delivered.Headers["X-LearnTrac-Signature"]);
        await instructor.Client.DeleteAsync($"/api/learntrac/v1/webhooks/{webhookId}");
    }

    [Fact]
    public async Task Only_instructors_export_and_bad_requests_are_validation_errors()
    {
        var student = await fixture.SignUpAsync();
        var instructor = await fixture.SignUpAsync("instructor");

        Assert.Equal(HttpStatusCode.Forbidden,
            (await student.Client.PostAsJsonAsync("/api/learntrac/v1/analytics/export", new { report_type = "learner_progress", format = "pdf" })).StatusCode);
        var bad = await instructor.Client.PostAsJsonAsync("/api/learntrac/v1/analytics/export",
            new { report_type = "everything", format = "docx", filters = new { start_date = "yesterday" } });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var fields = (await bad.JsonAsync()).GetProperty("error").GetProperty("details").EnumerateArray().Select(d => d.GetProperty("field").GetString()).ToList();
        Assert.Contains("report_type", fields);
        Assert.Contains("format", fields);
        Assert.Contains("filters.start_date", fields);
    }

    private static async Task<string> PdfTextAsync(string path)
    {
        using var process = Process.Start(new ProcessStartInfo("pdftotext", [path, "-"]) { RedirectStandardOutput = true })!;
        var text = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.Equal(0, process.ExitCode);
        return text;
    }
}
