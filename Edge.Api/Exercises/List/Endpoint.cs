using FastEndpoints;
using FluentValidation;
using Pipeline.Domain.Concepts;
using Pipeline.Edge.Api.Auth;
using Pipeline.Edge.Api.Concepts;

namespace Pipeline.Edge.Api.Exercises.List;

/// <summary>Seed 003: exercises with their filters; counts are over every exercise matching the filters.</summary>
public sealed class Endpoint(ConceptStore concepts, ConceptProgressStore progress, ExerciseSessionStore sessions) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Get(LearnTracRoutes.Prefix + "/exercises");
        Description(d => d.WithTags(LearnTracRoutes.Tag).ProducesProblem(400).ProducesProblem(401));
    }

    public override async Task HandleAsync(Request r, CancellationToken ct)
    {
        var userId = User.UserId();
        var statuses = new LearnerStatuses(await progress.ForUserAsync(userId, ct));
        var mine = await sessions.StateForUserAsync(userId, ct);
        var rates = await sessions.CompletionRatesAsync(ct);
        var exercises = await concepts.ExercisesAsync(r.ConceptId, ct);
        var conceptById = (await concepts.GetManyAsync(exercises.Select(e => e.ConceptId).Distinct().ToList(), ct)).ToDictionary(c => c.Id);
        var items = exercises
            .Select(e => new Item(e.PublicId, e.Definition.Title, e.ConceptId, e.Definition.Type, e.Definition.Difficulty, e.Definition.Points,
                e.Definition.EstimatedTime,
                mine.TryGetValue(e.Id, out var s) ? s.Submitted ? "completed" : "in_progress" : "available",
                Math.Round(rates.GetValueOrDefault(e.Id), 3), statuses.PrerequisitesMet(conceptById[e.ConceptId])))
            .Where(i => (r.Difficulty is null || i.Difficulty == r.Difficulty) && (r.Type is null || i.Type == r.Type)
                        && (r.Status is null || i.Status == r.Status))
            .ToList();
        await Send.OkAsync(new Response(items.Skip(r.Offset).Take(r.Limit).ToList(), items.Count, items.Count(i => i.Status == "available"),
            items.Count(i => i.Status == "completed"), r.Limit, r.Offset), ct);
    }
}
