using FastEndpoints;
using MassTransit;
using Pipeline.Domain.Concepts;
using Pipeline.Domain.KnowledgeGraph;
using Pipeline.Domain.LearningEvents;
using Pipeline.Edge.Api.Auth;
using Pipeline.Edge.Api.Errors;
using Pipeline.Messages.Learning;

namespace Pipeline.Edge.Api.Concepts.Complete;

/// <summary>
/// Seed 003: closes the learning session. Mastery is the BKT estimate after the quiz score (and the exercises already
/// submitted); the concept is mastered once it reaches the concept's threshold. Appends a <c>completed</c> learning
/// event, publishes <see cref="ConceptCompleted"/> (and <see cref="MilestoneAchieved"/> when the milestone is done).
/// </summary>
public sealed class Endpoint(
    ConceptStore concepts,
    ConceptProgressStore progress,
    IKnowledgeGraph graph,
    AchievementStore achievements,
    LearningEventStore events,
    IPublishEndpoint bus) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Post(LearnTracRoutes.Prefix + "/concepts/{concept_id}/complete");
        Description(d => d.WithTags(LearnTracRoutes.Tag).ProducesProblem(400).ProducesProblem(401).ProducesProblem(404).ProducesProblem(409));
    }

    public override async Task HandleAsync(Request r, CancellationToken ct)
    {
        var userId = User.UserId();
        var concept = await concepts.GetAsync(r.ConceptId, ct) ?? throw ApiException.NotFound($"Concept {r.ConceptId} not found");
        var sessionId = r.SessionId ?? (await progress.ActiveSessionAsync(userId, concept.Id, ct))?.Id
            ?? throw ApiException.Conflict($"Concept {concept.Id} has not been started; start it first.");
        var done = await progress.CompleteAsync(userId, concept.Id, sessionId, r.CompletionType, r.QuizScore, r.TimeSpent,
                       concept.MasteryThreshold, ct)
                   ?? throw ApiException.NotFound($"No active learning session {sessionId} for concept {concept.Id}");

        var finished = done.Status is ConceptStatus.Completed or ConceptStatus.Mastered;
        await events.AppendAsync(new LearningEvent(userId, finished ? "completed" : "abandoned", "concept", concept.Id.ToString(),
            Score: done.Mastery, Success: done.Status == ConceptStatus.Mastered, Completion: finished, DurationSeconds: r.TimeSpent,
            Context: new()
            {
                ["session_id"] = sessionId.ToString(), ["completion_type"] = r.CompletionType, ["status"] = done.Status,
                ["quiz_score"] = r.QuizScore, ["milestone"] = concept.Milestone, ["component"] = concept.Component,
            },
            DedupKey: $"concept-complete:{sessionId}"), ct);

        var unlocked = new List<Achievement>();
        var next = new List<long>();
        if (finished)
        {
            await bus.Publish(new ConceptCompleted(userId, concept.Id, concept.Title, done.Mastery, done.CompletedAt), ct);
            var mine = await progress.ForUserAsync(userId, ct);
            var candidates = new List<Achievement> { Achievement.FirstConcept };
            if (done.Status == ConceptStatus.Mastered) candidates.Add(Achievement.FirstMastery);
            if (done.Status == ConceptStatus.Mastered && r.TimeSpent is > 0 and < 7200) candidates.Add(Achievement.FastLearner);
            if (await LearningStreaks.CurrentStreakDaysAsync(events, userId, ct) >= 3) candidates.Add(Achievement.Streak3);
            if (concept.Milestone is { } milestone)
            {
                var inMilestone = await concepts.AllAsync(milestone, ct);
                if (inMilestone.All(c => mine.TryGetValue(c.Id, out var p) && ConceptStatus.IsDone(p.Status)))
                {
                    var achievement = new Achievement($"milestone:{milestone}", $"Milestone: {milestone}", $"Completed every concept of {milestone}");
                    candidates.Add(achievement);
                }
            }
            unlocked.AddRange(await achievements.AwardAsync(userId, candidates, ct));
            if (unlocked.Any(a => a.Id == $"milestone:{concept.Milestone}"))
                await bus.Publish(new MilestoneAchieved(userId, concept.Milestone!, done.CompletedAt), ct);

            // Concepts this one unlocks: dependants whose every prerequisite is now done.
            var dependants = await concepts.GetManyAsync(await graph.DependantsAsync(concept.Id, ct), ct);
            next.AddRange(dependants
                .Where(d => d.Prerequisites.All(p => mine.TryGetValue(p, out var s) && ConceptStatus.IsDone(s.Status)))
                .Where(d => !(mine.TryGetValue(d.Id, out var s) && ConceptStatus.IsDone(s.Status)))
                .Select(d => d.Id));
        }
        var certificate = done.Status == ConceptStatus.Mastered
            ? $"{LearnTracRoutes.Prefix}/certificates/{Certificates.FileName(concept.Id, sessionId)}"
            : null;
        await Send.OkAsync(new Response(concept.Id, done.Status, Math.Round(done.Mastery, 3), done.TimeSpent, done.CompletedAt,
            unlocked.Select(AchievementView.From).ToList(), next, certificate), ct);
    }
}
