namespace Pipeline.Handlers.Analytics;

/// <summary>An analytics report, independent of the file format it is written in.</summary>
public sealed record Report(
    string Title,
    string Period,
    DateTimeOffset GeneratedAt,
    IReadOnlyList<(string Label, string Value)> Summary,
    IReadOnlyList<string> Columns,
    IReadOnlyList<IReadOnlyList<object?>> Rows,
    IReadOnlyList<(string Label, double Value)> ProgressOverTime,
    IReadOnlyList<(string Label, double Value)> MasteryByComponent,
    IReadOnlyList<string> Recommendations,
    IReadOnlyList<string> Sections)
{
    public bool Includes(string section) => Sections.Count == 0 || Sections.Contains(section);
}
