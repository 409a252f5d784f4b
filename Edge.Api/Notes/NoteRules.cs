using FluentValidation;

namespace Pipeline.Edge.Api.Notes;

public static class NoteRules
{
    public const int MaxContent = 100_000;

    public static bool AreValidTags(string[]? tags) => tags is null || (tags.Length <= 20 && tags.All(t => t.Trim().Length is > 0 and <= 50));

    public const string TagsMessage = "tags: at most 20, each 1 to 50 characters.";
}
