using Pipeline.Domain.Concepts;

namespace Pipeline.Edge.Api.Concepts.Complete;

public sealed record AchievementView(string Id, string Title, string Description)
{
    public static AchievementView From(Achievement a) => new(a.Id, a.Title, a.Description);
}
