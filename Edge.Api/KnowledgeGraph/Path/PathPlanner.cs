using Pipeline.Domain.Concepts;

namespace Pipeline.Edge.Api.KnowledgeGraph.Path;

/// <summary>
/// Orders what a learner still needs before a target: every prerequisite (transitively) that is not mastered, each
/// before the concepts that need it (Kahn's topological sort). Mastered concepts end the walk: what they needed is
/// known. Ties are broken by what the learner optimises for: <c>time</c> (shortest first), <c>difficulty</c> (easiest
/// first) or <c>prerequisites</c> (the concept that most others in the path directly need first).
/// </summary>
public static class PathPlanner
{
    public static readonly string[] Optimisations = ["prerequisites", "time", "difficulty"];

    public static List<long> Plan(long target, IReadOnlyDictionary<long, Concept> concepts, IReadOnlyCollection<(long Source, long Target)> edges,
        Func<long, bool> mastered, IReadOnlySet<long> known, string optimizeFor)
    {
        var prerequisitesOf = edges.GroupBy(e => e.Target).ToDictionary(g => g.Key, g => g.Select(e => e.Source).ToList());
        var needed = new HashSet<long>();
        var stack = new Stack<long>([target]);
        while (stack.Count > 0)
        {
            var id = stack.Pop();
            if (!needed.Add(id)) continue;
            foreach (var p in prerequisitesOf.GetValueOrDefault(id) ?? [])
                if (!mastered(p) && !known.Contains(p) && concepts.ContainsKey(p)) stack.Push(p);
        }
        var inside = edges.Where(e => needed.Contains(e.Source) && needed.Contains(e.Target)).Distinct().ToList();
        var waiting = needed.ToDictionary(id => id, id => inside.Count(e => e.Target == id));
        var next = inside.GroupBy(e => e.Source).ToDictionary(g => g.Key, g => g.Select(e => e.Target).ToList());
        var unblocks = needed.ToDictionary(id => id, id => next.GetValueOrDefault(id)?.Count ?? 0);

        var ready = new PriorityQueue<long, (double, double, long)>();
        void Enqueue(long id)
        {
            var c = concepts[id];
            ready.Enqueue(id, optimizeFor switch
            {
                "time" => (c.EstimatedMinutes, c.Difficulty, id),
                "difficulty" => (c.Difficulty, c.EstimatedMinutes, id),
                _ => (-unblocks[id], c.Difficulty, id),
            });
        }
        foreach (var (id, count) in waiting)
            if (count == 0) Enqueue(id);
        var order = new List<long>();
        while (ready.TryDequeue(out var id, out _))
        {
            order.Add(id);
            foreach (var t in next.GetValueOrDefault(id) ?? [])
                if (--waiting[t] == 0) Enqueue(t);
        }
        return order;
    }
}
