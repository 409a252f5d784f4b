using Pipeline.Domain.Concepts;
using Pipeline.Edge.Api.Concepts;

namespace Pipeline.Edge.Api.Adaptive;

/// <summary>Aggregates of a learner's BKT mastery shared by progress and recommendations.</summary>
public static class LearnerInsights
{
    /// <summary>Per component the learner has evidence in: mean BKT mastery and how many concepts are mastered.</summary>
    public static List<(string Component, double Mastery, int Mastered)> MasteryByComponent(IReadOnlyList<Concept> concepts,
        IReadOnlyDictionary<long, ConceptProgress> progress) =>
        concepts.Where(c => progress.TryGetValue(c.Id, out var p) && p.Observations > 0)
            .GroupBy(c => c.Component ?? "general")
            .Select(g => (g.Key, Math.Round(g.Average(c => progress[c.Id].Mastery), 3), g.Count(c => progress[c.Id].Status == ConceptStatus.Mastered)))
            .OrderByDescending(x => x.Item2).ToList();

    /// <summary>The capstone (the concept nothing else needs) of the milestone the learner is furthest into.</summary>
    public static string LongTermGoal(IReadOnlyList<Concept> concepts, LearnerStatuses statuses)
    {
        var milestone = concepts.Where(c => c.Milestone is not null).GroupBy(c => c.Milestone!)
            .OrderByDescending(g => g.Count(c => statuses.IsDone(c.Id)) / (double)g.Count()).ThenBy(g => g.Min(c => c.Id)).FirstOrDefault();
        if (milestone is null) return "Master the curriculum";
        var needed = concepts.SelectMany(c => c.Prerequisites).ToHashSet();
        var capstone = milestone.Where(c => !needed.Contains(c.Id)).OrderByDescending(c => c.Difficulty).FirstOrDefault() ?? milestone.Last();
        return $"{milestone.Key} mastery: {capstone.Title}";
    }
}
