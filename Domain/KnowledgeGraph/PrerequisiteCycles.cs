namespace Pipeline.Domain.KnowledgeGraph;

/// <summary>
/// Builds an acyclic prerequisite graph from proposed edges: edges are added in order, and one that would close a cycle
/// (its target already leads to its source) is skipped and returned, so Trac data with a cycle never loops anything.
/// </summary>
public static class PrerequisiteCycles
{
    public static (List<(long Source, long Target)> Accepted, List<(long Source, long Target)> Skipped) Filter(
        IEnumerable<(long Source, long Target)> fixedEdges, IEnumerable<(long Source, long Target)> proposed)
    {
        var next = new Dictionary<long, List<long>>();
        void Add(long s, long t)
        {
            if (!next.TryGetValue(s, out var list)) next[s] = list = [];
            list.Add(t);
        }
        bool Reaches(long from, long to)
        {
            var seen = new HashSet<long> { from };
            var stack = new Stack<long>([from]);
            while (stack.Count > 0)
            {
                var n = stack.Pop();
                if (n == to) return true;
                if (!next.TryGetValue(n, out var list)) continue;
                foreach (var m in list)
                    if (seen.Add(m)) stack.Push(m);
            }
            return false;
        }
        foreach (var (s, t) in fixedEdges) Add(s, t);
        var accepted = new List<(long, long)>();
        var skipped = new List<(long, long)>();
        foreach (var (s, t) in proposed)
        {
            if (s == t || Reaches(t, s)) { skipped.Add((s, t)); continue; }
            Add(s, t);
            accepted.Add((s, t));
        }
        return (accepted, skipped);
    }
}
