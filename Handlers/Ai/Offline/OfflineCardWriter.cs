using Pipeline.Handlers.Ai;
using Pipeline.Messages.Content;

namespace Pipeline.Handlers.Ai.Offline;

/// <summary>
/// Study cards from templates: each card pairs one of the section's keywords with a question form, so fronts differ
/// within a section, and every front names its section, so they differ across a path too.
/// </summary>
public static class OfflineCardWriter
{
    private static readonly (string Front, string Back)[] Forms =
    [
        ("What does \"{k}\" mean in {section}?",
         "\"{k}\" is one of the ideas {section} is built on: learn its definition, then how it connects to {other}."),
        ("Why does \"{k}\" matter when studying {section}?",
         "Without \"{k}\" the rest of {course} is hard to follow; it is what lets you reason about {section} instead of memorising it."),
        ("How would you apply \"{k}\" in practice ({section})?",
         "Take a small, concrete example from {section}, apply \"{k}\" step by step, and check the result against what {course} teaches."),
        ("What is a common mistake with \"{k}\" in {section}?",
         "Treating \"{k}\" in isolation: in {section} it only works together with {other}, and skipping that link causes most errors."),
        ("Give an example of \"{k}\" from {section}.",
         "A good example of \"{k}\" is one you can explain in two sentences and relate to {other}; write yours down and compare it with the course material."),
        ("How does \"{k}\" relate to \"{other}\" in {section}?",
         "\"{k}\" and \"{other}\" are two views of the same part of {section}: one tells you what to do, the other why it works."),
    ];

    public static IReadOnlyList<CardContent> Write(SectionCardRequest request)
    {
        var keywords = request.Keywords.Where(k => !string.IsNullOrWhiteSpace(k)).Select(k => k.Trim()).ToList();
        if (keywords.Count == 0) keywords.Add(request.SectionTitle);
        // Sections start on different question forms, so a path does not open every section with "What does ... mean".
        var firstForm = (int)(TopicText.StableHash(request.SectionTitle) % (uint)Forms.Length);

        var fronts = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var cards = new List<CardContent>();
        for (var i = 0; i < request.CardCount; i++)
        {
            var keyword = keywords[i % keywords.Count];
            var other = keywords.Count > 1 ? keywords[(i + 1) % keywords.Count] : request.CourseTitle;
            var form = Forms[(firstForm + i / keywords.Count + i) % Forms.Length];
            var front = Fill(form.Front, keyword, other, request);
            for (var part = 2; !fronts.Add(front); part++) front = $"{Fill(form.Front, keyword, other, request)} (part {part})";
            cards.Add(new CardContent(front, $"{Fill(form.Back, keyword, other, request)} {OfflineLabel.CardBackSuffix}"));
        }
        return cards;
    }

    private static string Fill(string template, string keyword, string other, SectionCardRequest request) => template
        .Replace("{k}", keyword, StringComparison.Ordinal)
        .Replace("{other}", other, StringComparison.Ordinal)
        .Replace("{section}", request.SectionTitle, StringComparison.Ordinal)
        .Replace("{course}", request.CourseTitle, StringComparison.Ordinal);
}
