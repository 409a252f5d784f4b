using Pipeline.Domain.Concepts;
using Pipeline.Domain.LearningEvents;
using Pipeline.Edge.Api.Concepts;

namespace Pipeline.Edge.Api.Adaptive;

/// <summary>
/// Ranks the concepts a learner can take next (every prerequisite done, not done itself) by how well they fit:
/// difficulty against the learner's level (the difficulty of what they completed, weighted by BKT mastery, shifted by
/// their feedback), time against the time available, progression from recent completions, and resource preferences.
/// </summary>
public sealed class Recommender(IReadOnlyList<Concept> concepts, LearnerStatuses statuses, IReadOnlyList<LearningEvent> events, LearnerProfile profile)
{
    private readonly Dictionary<long, Concept> _byId = concepts.ToDictionary(c => c.Id);

    /// <summary>The learner's level on the 1-5 difficulty scale.</summary>
    public double Level
    {
        get
        {
            var done = concepts.Where(c => statuses.IsDone(c.Id)).ToList();
            var weight = done.Sum(c => Math.Max(0.1, statuses.Mastery(c.Id)));
            var level = done.Count == 0 ? 1.5 : done.Sum(c => c.Difficulty * Math.Max(0.1, statuses.Mastery(c.Id))) / weight;
            return Math.Clamp(level + profile.DifficultyOffset, 1, 5);
        }
    }

    public string LevelName => Level switch { < 2 => "beginner", < 3.5 => "intermediate", _ => "advanced" };

    public List<Recommendation> Rank(int? minutesAvailable, IReadOnlySet<long>? assumeDone = null)
    {
        var target = Math.Min(5, Level + 0.5);
        var recentDone = events
            .Where(e => e.ObjectType == "concept" && e.Verb == "completed" && e.OccurredAt > DateTimeOffset.UtcNow.AddDays(-14))
            .Select(e => long.TryParse(e.ObjectId, out var id) ? id : 0).Where(_byId.ContainsKey).ToList();
        bool Done(long id) => statuses.IsDone(id) || assumeDone?.Contains(id) == true;
        var list = new List<Recommendation>();
        foreach (var c in concepts)
        {
            if (Done(c.Id) || !c.Prerequisites.All(Done)) continue;
            var difficultyMatch = Math.Clamp(1 - Math.Abs(c.Difficulty - target) / 4, 0, 1);
            var timeFit = minutesAvailable is { } m ? (c.EstimatedMinutes <= m ? 1 : (double)m / c.EstimatedMinutes)
                : Math.Clamp(1 - c.EstimatedMinutes / 600.0, 0.3, 1);
            var builtOn = recentDone.FirstOrDefault(id => c.Prerequisites.Contains(id));
            var inProgress = statuses.Of(c.Id) is { Status: ConceptStatus.Learning or ConceptStatus.Practicing };
            var progression = inProgress ? 1 : builtOn != 0 ? 0.9 : c.Prerequisites.Count == 0 ? 0.4 : 0.6;
            var style = StyleMatch(c);
            var confidence = 0.45 * difficultyMatch + 0.25 * timeFit + 0.2 * progression + 0.1 * style;
            var reason = inProgress ? "Continue where you left off"
                : builtOn != 0 ? $"Natural progression from completed {_byId[builtOn].Title}"
                : c.Prerequisites.Count == 0 ? $"A starting point in {c.Milestone ?? c.Component ?? "the curriculum"}"
                : "All prerequisites completed";
            if (minutesAvailable is { } avail && c.EstimatedMinutes > avail) reason += $" (needs about {c.EstimatedMinutes} minutes)";
            list.Add(new Recommendation(c.Id, c.Title, reason, Math.Round(confidence, 2), c.EstimatedMinutes, Math.Round(difficultyMatch, 2), true,
                Math.Round(style, 2)));
        }
        return list.OrderByDescending(r => r.Confidence).ThenBy(r => r.ConceptId).ToList();
    }

    private double StyleMatch(Concept c)
    {
        if (c.Resources.Count == 0) return 0.5;
        var weights = profile.ResourceWeights;
        var kinds = c.Resources.Select(r => r.Type == "article" ? "documentation" : r.Type).Append("exercises").ToList();
        var max = weights.Count == 0 ? 1 : weights.Values.Max();
        return Math.Clamp(kinds.Average(k => weights.GetValueOrDefault(k, 0.1)) / Math.Max(0.01, max), 0, 1);
    }
}
