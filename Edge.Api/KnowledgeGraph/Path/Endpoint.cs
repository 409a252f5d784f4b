using System.Text.Json.Serialization;
using FastEndpoints;
using FluentValidation;
using Pipeline.Domain.Concepts;
using Pipeline.Domain.KnowledgeGraph;
using Pipeline.Edge.Api.Auth;
using Pipeline.Edge.Api.Concepts;
using Pipeline.Edge.Api.Errors;

namespace Pipeline.Edge.Api.KnowledgeGraph.Path;

public sealed class Request
{
    [QueryParam] public long? From { get; init; }
    [QueryParam] public long? To { get; init; }
    [QueryParam] public string OptimizeFor { get; init; } = "prerequisites";

    public sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.To).NotNull().WithMessage("to is required: the target concept id.").GreaterThan(0).WithMessage("to must be a positive integer.");
            RuleFor(r => r.From).GreaterThan(0).WithMessage("from must be a positive integer.");
            RuleFor(r => r.OptimizeFor).Must(o => PathPlanner.Optimisations.Contains(o))
                .WithMessage($"optimize_for must be one of {string.Join(", ", PathPlanner.Optimisations)}.");
        }
    }
}

public sealed record AlternativePath(IReadOnlyList<long> Path, int TotalTime, double DifficultyScore);

public sealed record Response(IReadOnlyList<PathStepView> Path, int TotalConcepts, int TotalEstimatedTime, IReadOnlyList<double> DifficultyProgression,
    IReadOnlyList<AlternativePath> AlternativePaths);

public sealed record PathStepView(int Step, long ConceptId, string Title, string Status, int EstimatedTime,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Reason);

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
