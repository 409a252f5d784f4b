using FastEndpoints;
using FluentValidation;
using Pipeline.Domain.Concepts;
using Pipeline.Domain.KnowledgeGraph;
using Pipeline.Edge.Api.Auth;
using Pipeline.Edge.Api.Concepts;
using Pipeline.Edge.Api.Errors;

namespace Pipeline.Edge.Api.KnowledgeGraph.Path;

/// <summary>
/// Seed 003: the learning path from the learner's current frontier (or <c>from</c>) to <c>to</c>: every prerequisite not
/// yet mastered, each before its dependants, with the other optimisations' orders as alternative paths.
/// </summary>
public sealed class Endpoint(ConceptStore concepts, ConceptProgressStore progress, IKnowledgeGraph graph) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Get(LearnTracRoutes.Prefix + "/knowledge/path");
        Description(d => d.WithTags(LearnTracRoutes.Tag).ProducesProblem(400).ProducesProblem(401).ProducesProblem(404));
    }

    public override async Task HandleAsync(Request r, CancellationToken ct)
    {
        var target = r.To!.Value;
        if (!await concepts.ExistsAsync(target, ct)) throw ApiException.NotFound($"Concept {target} not found");
        if (r.From is { } f && !await concepts.ExistsAsync(f, ct)) throw ApiException.NotFound($"Concept {f} not found");
        var statuses = new LearnerStatuses(await progress.ForUserAsync(User.UserId(), ct));

        var closure = (await graph.PrerequisiteClosureAsync(target, ct)).Select(e => (e.SourceId, e.TargetId)).ToList();
        var known = new HashSet<long>();
        if (r.From is { } from)
        {
            // The starting point and everything it needed count as known.
            known.Add(from);
            known.UnionWith((await graph.PrerequisiteClosureAsync(from, ct)).Select(e => e.SourceId));
            known.Remove(target);
        }
        var ids = closure.SelectMany(e => new[] { e.SourceId, e.TargetId }).Append(target).Concat(known).Distinct().ToList();
        var byId = (await concepts.GetManyAsync(ids, ct)).ToDictionary(c => c.Id);

        List<long> Order(string optimisation) =>
            PathPlanner.Plan(target, byId, closure, statuses.IsMastered, known, optimisation).Where(id => id != r.From).ToList();
        var main = Order(r.OptimizeFor);
        var steps = new List<PathStepView>();
        if (r.From is { } start)
            steps.Add(View(byId[start], steps.Count + 1, "Starting point"));
        foreach (var id in main)
            steps.Add(View(byId[id], steps.Count + 1, id == target ? "Target concept" : "Required prerequisite"));

        var alternatives = PathPlanner.Optimisations.Where(o => o != r.OptimizeFor).Select(Order)
            .Where(order => !order.SequenceEqual(main)).DistinctBy(order => string.Join(',', order))
            .Select(order => new AlternativePath(
                r.From is { } s ? order.Prepend(s).ToList() : order,
                order.Sum(id => statuses.IsMastered(id) ? 0 : byId[id].EstimatedMinutes),
                Math.Round(order.Average(id => byId[id].Difficulty), 2)))
            .ToList();
        await Send.OkAsync(new Response(steps, steps.Count, steps.Sum(s => s.EstimatedTime),
            steps.Select(s => byId[s.ConceptId].Difficulty).ToList(), alternatives), ct);

        PathStepView View(Concept c, int number, string? reason) =>
            new(number, c.Id, c.Title, statuses.StatusOf(c), statuses.IsMastered(c.Id) ? 0 : c.EstimatedMinutes,
                reason == "Starting point" && statuses.IsMastered(c.Id) ? null : reason);
    }
}
