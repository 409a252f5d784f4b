using FastEndpoints;
using FluentValidation;
using Pipeline.Domain.Concepts;
using Pipeline.Edge.Api.Auth;
using Pipeline.Edge.Api.Concepts;

namespace Pipeline.Edge.Api.Exercises.List;

public sealed class Request
{
    [QueryParam] public long? ConceptId { get; init; }
    [QueryParam] public int? Difficulty { get; init; }
    [QueryParam] public string? Type { get; init; }
    [QueryParam] public string? Status { get; init; }
    [QueryParam] public int Limit { get; init; } = 50;
    [QueryParam] public int Offset { get; init; }

    public static readonly string[] Types = ["coding", "quiz", "design", "debug"];
    public static readonly string[] Statuses = ["available", "completed", "in_progress"];

    public sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.ConceptId).GreaterThan(0).WithMessage("concept_id must be a positive integer.");
            RuleFor(r => r.Difficulty).InclusiveBetween(1, 5).WithMessage("difficulty must be between 1 and 5.");
            RuleFor(r => r.Type).Must(t => t is null || Types.Contains(t)).WithMessage($"type must be one of {string.Join(", ", Types)}.");
            RuleFor(r => r.Status).Must(s => s is null || Statuses.Contains(s)).WithMessage($"status must be one of {string.Join(", ", Statuses)}.");
            RuleFor(r => r.Limit).InclusiveBetween(1, 100).WithMessage("limit must be between 1 and 100.");
            RuleFor(r => r.Offset).GreaterThanOrEqualTo(0).WithMessage("offset must be 0 or more.");
        }
    }
}

public sealed record Item(string Id, string Title, long ConceptId, string Type, int Difficulty, int Points, int EstimatedTime, string Status,
    double CompletionRate, bool PrerequisitesMet);

public sealed record Response(IReadOnlyList<Item> Exercises, int Total, int Available, int Completed, int Limit, int Offset);

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
