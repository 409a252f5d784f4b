using System.Globalization;
using System.Text.Json;
using Pipeline.Domain.Analytics;

namespace Pipeline.Handlers.Analytics;

/// <summary>Reads the rollups an export asks for (report type, filters, sections) into a <see cref="Report"/>.</summary>
public sealed class ReportBuilder(AnalyticsRollupStore rollups, TimeProvider clock)
{
    public const string LearnerProgress = "learner_progress";
    public const string ConceptAnalytics = "concept_analytics";
    public const string MilestoneSummary = "milestone_summary";

    private static string F(double? value, string format = "0.00") => value?.ToString(format, CultureInfo.InvariantCulture) ?? "";

    public async Task<Report> BuildAsync(AnalyticsExport export, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var filters = ParseFilters(export.Filters, now);
        var period = $"{filters.From:yyyy-MM-dd} to {filters.To:yyyy-MM-dd}";
        var daily = await rollups.CompletionsByDayAsync(filters, ct);
        var components = await rollups.MasteryByComponentAsync(filters, ct);
        var progress = daily.Select(d => (d.Day.ToString("MM-dd", CultureInfo.InvariantCulture), (double)d.Completions)).ToList();
        var mastery = components.Select(c => (c.Component, c.AverageMastery)).ToList();

        switch (export.ReportType)
        {
            case ConceptAnalytics:
            {
                var rows = await rollups.ConceptAnalyticsAsync(filters, ct);
                var struggling = rows.Where(r => r.Submissions >= 3 && r.FailureRate >= 0.3).OrderByDescending(r => r.FailureRate).Take(5).ToList();
                return new Report("LearnTrac Concept Analytics Report", period, now,
                    [("Concepts", rows.Count.ToString(CultureInfo.InvariantCulture)),
                     ("Completions", rows.Sum(r => r.Completions).ToString(CultureInfo.InvariantCulture)),
                     ("Exercise submissions", rows.Sum(r => r.Submissions).ToString(CultureInfo.InvariantCulture)),
                     ("Struggling concepts", struggling.Count.ToString(CultureInfo.InvariantCulture))],
                    ["concept_id", "title", "completions", "average_mastery", "average_time_seconds", "submissions", "failure_rate"],
                    rows.Select(r => (IReadOnlyList<object?>)[r.ConceptId, r.Title, r.Completions, r.AverageMastery, r.AverageTime, r.Submissions, r.FailureRate]).ToList(),
                    progress, mastery,
                    struggling.Select(r => $"Concept {r.ConceptId} ({r.Title ?? "untitled"}): {F(r.FailureRate * 100, "0")}% of submissions fail; review its prerequisites and add worked examples.").ToList(),
                    export.Sections);
            }
            case MilestoneSummary:
            {
                var rows = await rollups.MilestoneSummaryAsync(filters, ct);
                return new Report("LearnTrac Milestone Summary Report", period, now,
                    [("Milestones", rows.Count.ToString(CultureInfo.InvariantCulture)),
                     ("Learners achieving a milestone", rows.Sum(r => r.Achieved).ToString(CultureInfo.InvariantCulture))],
                    ["milestone", "learners", "completions", "average_mastery", "achieved"],
                    rows.Select(r => (IReadOnlyList<object?>)[r.Milestone, r.Learners, r.Completions, r.AverageMastery, r.Achieved]).ToList(),
                    progress, mastery,
                    rows.Where(r => r.Learners > 0 && r.Achieved * 2 < r.Learners)
                        .Select(r => $"Fewer than half the learners in '{r.Milestone}' have achieved it: check its hardest concepts.").ToList(),
                    export.Sections);
            }
            default:
            {
                var rows = await rollups.LearnerProgressAsync(filters, ct);
                var completions = rows.Sum(r => r.Completions);
                var masterySum = rows.Sum(r => (r.AverageMastery ?? 0) * r.Completions);
                return new Report("LearnTrac Learner Progress Report", period, now,
                    [("Learners", rows.Count.ToString(CultureInfo.InvariantCulture)),
                     ("Concepts completed", completions.ToString(CultureInfo.InvariantCulture)),
                     ("Average mastery", completions == 0 ? "n/a" : F(masterySum / completions)),
                     ("Learning hours", F(rows.Sum(r => r.LearningHours), "0.0"))],
                    ["user_id", "concepts_completed", "average_mastery", "learning_hours", "exercise_submissions", "exercise_success_rate", "last_active"],
                    rows.Select(r => (IReadOnlyList<object?>)[r.UserId, r.Completions, r.AverageMastery, r.LearningHours, r.Submissions, r.SuccessRate,
                        r.LastActive?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)]).ToList(),
                    progress, mastery,
                    rows.Where(r => r.SuccessRate < 0.6 && r.Submissions >= 3)
                        .Select(r => $"Learner {r.UserId}: exercise success rate {F(r.SuccessRate * 100, "0")}%; suggest reviewing prerequisites.").ToList(),
                    export.Sections);
            }
        }
    }

    private static ReportFilters ParseFilters(string json, DateTimeOffset now)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        DateTimeOffset? Date(string name) => root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String
            && DateOnly.TryParse(v.GetString(), CultureInfo.InvariantCulture, out var d) ? new DateTimeOffset(d.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null;
        List<string>? Strings(string name) => root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array && v.GetArrayLength() > 0
            ? v.EnumerateArray().Select(x => x.ToString()).ToList() : null;
        var to = Date("end_date") ?? now;
        var from = Date("start_date") ?? to.AddDays(-30);
        var users = Strings("user_ids")?.Select(u => long.Parse(u, CultureInfo.InvariantCulture)).ToList();
        return new ReportFilters(from, to, users, Strings("milestones"));
    }
}
