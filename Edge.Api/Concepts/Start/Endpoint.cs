using FastEndpoints;
using Pipeline.Domain.Concepts;
using Pipeline.Domain.LearningEvents;
using Pipeline.Edge.Api.Auth;
using Pipeline.Edge.Api.Errors;

namespace Pipeline.Edge.Api.Concepts.Start;

/// <summary>
/// Seed 003: opens a learning session with a step-by-step path through the concept's resources (the learner's preferred
/// kinds first, within the time committed) and then its exercises. A second start while a session is active is a 409.
/// </summary>
public sealed class Endpoint(ConceptStore concepts, ConceptProgressStore progress, LearningEventStore events) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Post(LearnTracRoutes.Prefix + "/concepts/{concept_id}/start");
        Description(d => d.WithTags(LearnTracRoutes.Tag).ProducesProblem(400).ProducesProblem(401).ProducesProblem(404).ProducesProblem(409));
    }

    public override async Task HandleAsync(Request r, CancellationToken ct)
    {
        var userId = User.UserId();
        var concept = await concepts.GetAsync(r.ConceptId, ct) ?? throw ApiException.NotFound($"Concept {r.ConceptId} not found");
        var started = await progress.StartAsync(userId, concept.Id, r.LearningMode, ct)
            ?? throw ApiException.Conflict($"Concept {concept.Id} is already being learned; complete or abandon the active session first.");
        await events.AppendAsync(new LearningEvent(userId, "started", "concept", concept.Id.ToString(),
            Context: new() { ["session_id"] = started.SessionId.ToString(), ["learning_mode"] = r.LearningMode, ["milestone"] = concept.Milestone },
            DedupKey: $"concept-start:{started.SessionId}"), ct);
        var exercises = await concepts.ExercisesAsync(concept.Id, ct);
        await Send.OkAsync(new Response(started.SessionId, concept.Id, "active", started.StartedAt,
            Path(concept, exercises, r.PreferredResources ?? [], r.TimeCommitment), true), ct);
    }

    private static List<PathStep> Path(Concept concept, IReadOnlyList<Exercise> exercises, List<string> preferred, int? minutes)
    {
        var ordered = concept.Resources
            .Select((resource, index) => (resource, index))
            .OrderBy(x => preferred.IndexOf(x.resource.Type) is var p && p >= 0 ? p : preferred.Count)
            .ThenBy(x => x.index)
            .Select(x => x.resource)
            .ToList();
        var steps = new List<PathStep>();
        var budget = minutes ?? int.MaxValue;
        var used = 0;
        foreach (var resource in ordered)
        {
            // The first resource always; the rest while the time committed allows.
            if (steps.Count > 0 && used + resource.EstimatedTime > budget) continue;
            used += resource.EstimatedTime;
            steps.Add(new PathStep(steps.Count + 1, resource.Type switch { "video" => "watch", "documentation" or "article" => "read", _ => "explore" },
                new PathResource(resource.Type, resource.Title, resource.Url, resource.EstimatedTime), null));
        }
        foreach (var exercise in exercises)
            steps.Add(new PathStep(steps.Count + 1, "practice", null,
                new PathExercise(exercise.PublicId, exercise.Definition.Title, exercise.Definition.Instructions)));
        return steps;
    }
}
