using FastEndpoints;
using Pipeline.Domain.Concepts;
using Pipeline.Domain.LearningEvents;
using Pipeline.Edge.Api.Auth;
using Pipeline.Edge.Api.Concepts;
using Pipeline.Edge.Api.Errors;

namespace Pipeline.Edge.Api.Adaptive.Feedback;

/// <summary>
/// Seed 003: the learner's feedback on a concept shifts their profile: difficulty ratings move the level
/// recommendations aim at, pace feedback the pace, preferred resources the resource weights (normalised to sum 1).
/// </summary>
public sealed class Endpoint(ConceptStore concepts, LearnerProfileStore profiles, LearningEventStore events) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Post(LearnTracRoutes.Prefix + "/adaptive/feedback");
        Description(d => d.WithTags(LearnTracRoutes.Tag).ProducesProblem(400).ProducesProblem(401).ProducesProblem(404));
    }

    public override async Task HandleAsync(Request r, CancellationToken ct)
    {
        var userId = User.UserId();
        if (!await concepts.ExistsAsync(r.ConceptId, ct)) throw ApiException.NotFound($"Concept {r.ConceptId} not found");
        var profile = await profiles.GetAsync(userId, ct);

        // Rated easy: aim recommendations higher; rated hard: lower.
        var shift = r.DifficultyRating switch { <= 2 => 0.25, >= 4 => -0.25, _ => 0 };
        var offset = Math.Clamp(profile.DifficultyOffset + shift, -1.5, 1.5);
        var difficulty = offset > profile.DifficultyOffset ? "slightly_increased" : offset < profile.DifficultyOffset ? "slightly_decreased" : "maintained";
        var paceFactor = r.PaceFeedback == "too_slow" && r.TimeSufficient ? 1.15 : r.PaceFeedback == "too_fast" || !r.TimeSufficient ? 0.87 : 1;
        var pace = Math.Clamp(profile.Pace * paceFactor, 0.5, 2);
        var paceAdjustment = pace > profile.Pace ? "increased" : pace < profile.Pace ? "decreased" : "maintained";
        var weights = new Dictionary<string, double>(profile.ResourceWeights);
        foreach (var kind in r.PreferredResources ?? [])
            weights[kind.ToLowerInvariant()] = weights.GetValueOrDefault(kind.ToLowerInvariant()) + 0.1;
        var sum = weights.Values.Sum();
        var normalised = weights.ToDictionary(w => w.Key, w => Math.Round(w.Value / sum, 2));

        await profiles.SaveAsync(userId, new LearnerProfile(offset, pace, normalised), ct);
        await events.AppendAsync(new LearningEvent(userId, "rated", "concept", r.ConceptId.ToString(), Score: r.ClarityRating / 5.0,
            Context: new()
            {
                ["difficulty_rating"] = r.DifficultyRating, ["clarity_rating"] = r.ClarityRating, ["pace_feedback"] = r.PaceFeedback,
                ["time_sufficient"] = r.TimeSufficient,
            }), ct);
        await Send.OkAsync(new Response(true, true, new Adjustments(difficulty, normalised, paceAdjustment)), ct);
    }
}
