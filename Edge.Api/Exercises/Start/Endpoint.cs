using FastEndpoints;
using Pipeline.Domain.Concepts;
using Pipeline.Domain.LearningEvents;
using Pipeline.Edge.Api.Auth;
using Pipeline.Edge.Api.Concepts;

namespace Pipeline.Edge.Api.Exercises.Start;

/// <summary>Seed 003: opens an attempt. Quiz questions come without their key.</summary>
public sealed class Endpoint(ConceptStore concepts, ExerciseSessionStore sessions, LearningEventStore events) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Post(LearnTracRoutes.Prefix + "/exercises/{exercise_id}/start");
        Description(d => d.WithTags(LearnTracRoutes.Tag).ProducesProblem(400).ProducesProblem(401).ProducesProblem(404));
    }

    public override async Task HandleAsync(Request r, CancellationToken ct)
    {
        var userId = User.UserId();
        var exercise = await ExerciseRoute.FindAsync(concepts, r.ExerciseId, ct);
        var session = await sessions.StartAsync(userId, exercise.Id, ct);
        await events.AppendAsync(new LearningEvent(userId, "started", "exercise", exercise.Id.ToString(),
            Context: new() { ["concept_id"] = exercise.ConceptId, ["session_id"] = session.Id.ToString(), ["type"] = exercise.Definition.Type },
            DedupKey: $"exercise-start:{session.Id}"), ct);
        var d = exercise.Definition;
        await Send.OkAsync(new Response(session.Id.ToString(), new ExerciseView(exercise.PublicId, d.Title, d.Type, d.Instructions, d.Requirements,
            d.StarterCode, d.Type == "quiz" ? d.Questions.Count : d.Requirements.Count, d.TimeLimit,
            d.Questions.Select((q, i) => new QuestionView(i + 1, q.Question, q.Options)).ToList()), session.StartedAt), ct);
    }
}
