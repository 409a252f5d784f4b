namespace Pipeline.Handlers.Ai.Offline;

/// <summary>
/// A generic way into any topic (its fundamentals, its tools, its pitfalls...). <c>{T}</c> in the templates becomes
/// the topic in title case, <c>{t}</c> the topic as written.
/// </summary>
public sealed record LearningAngle(string TitleTemplate, IReadOnlyList<string> KeywordTemplates)
{
    public string Title(string topic) => Fill(TitleTemplate, topic);

    public IReadOnlyList<string> Keywords(string topic, int count) => KeywordTemplates.Take(count).Select(k => Fill(k, topic)).ToList();

    private static string Fill(string template, string topic) =>
        template.Replace("{T}", TopicText.TitleCase(topic), StringComparison.Ordinal).Replace("{t}", topic, StringComparison.Ordinal);
}
