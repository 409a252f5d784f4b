using FastEndpoints;
using MassTransit;
using Pipeline.Domain.Concepts;
using Pipeline.Domain.LearningEvents;
using Pipeline.Edge.Api.Auth;
using Pipeline.Edge.Api.Concepts;
using Pipeline.Edge.Api.Concepts.Complete;
using Pipeline.Edge.Api.Errors;
using Pipeline.Messages.Learning;

namespace Pipeline.Edge.Api.Exercises.Submit;

/// <summary>
/// Seed 003: grades a submission. A quiz is graded here, exactly against its key; design and coding answers are graded
/// in Handlers (the model, or the offline rubric) through a request client. Every submission is a BKT observation for
/// the concept, a <c>submitted</c> learning event and an <see cref="ExerciseSubmitted"/> on the bus.
/// </summary>
public sealed class Endpoint(
    ConceptStore concepts,
    ConceptProgressStore progress,
    ExerciseSessionStore sessions,
    AchievementStore achievements,
    LearningEventStore events,
    IRequestClient<GradeExerciseSubmission> grader,
    IPublishEndpoint bus) : Endpoint<Request, Response>
{
    public const double PassMark = 0.6;

    public override void Configure()
    {
        Post(LearnTracRoutes.Prefix + "/exercises/{exercise_id}/submit");
        Description(d => d.WithTags(LearnTracRoutes.Tag).ProducesProblem(400).ProducesProblem(401).ProducesProblem(404).ProducesProblem(409)
            .ProducesProblem(503));
    }

    public override async Task HandleAsync(Request r, CancellationToken ct)
    {
        var userId = User.UserId();
        var exercise = await ExerciseRoute.FindAsync(concepts, r.ExerciseId, ct);
        var session = await sessions.GetAsync(r.SessionId, ct);
        if (session is null || session.UserId != userId || session.ExerciseId != exercise.Id)
            throw ApiException.NotFound($"Exercise session {r.SessionId} not found");
        if (session.SubmittedAt is not null) throw ApiException.Conflict("This exercise session was already submitted; start the exercise again.");
        var d = exercise.Definition;
        var solution = r.Solution!;

        double score;
        int passedTests, totalTests;
        List<string> strengths, improvements;
        string detail, graderName;
        if (d.Type == "quiz")
        {
            var answers = solution.Answers ?? throw ApiException.BadRequest("solution.answers is required for a quiz: one option index per question.",
                new[] { new { field = "solution.answers", message = "One option index (0-based) per question." } });
            totalTests = d.Questions.Count;
            passedTests = d.Questions.Where((q, i) => i < answers.Count && answers[i] == q.Answer).Count();
            score = totalTests == 0 ? 0 : (double)passedTests / totalTests;
            strengths = d.Questions.Select((q, i) => (q, i)).Where(x => x.i < answers.Count && answers[x.i] == x.q.Answer)
                .Select(x => $"Correct: {x.q.Question}").ToList();
            improvements = d.Questions.Select((q, i) => (q, i)).Where(x => !(x.i < answers.Count && answers[x.i] == x.q.Answer))
                .Select(x => $"Review: {x.q.Question} (answer: {x.q.Options[x.q.Answer]})").ToList();
            detail = $"{passedTests} of {totalTests} answers correct.";
            graderName = "answer-key";
        }
        else
        {
            if (string.IsNullOrWhiteSpace(solution.Code))
                throw ApiException.BadRequest("solution.code is required for a design or coding exercise.",
                    new[] { new { field = "solution.code", message = "Your design or code, as text." } });
            Response<ExerciseSubmissionGraded> graded;
            try
            {
                graded = await grader.GetResponse<ExerciseSubmissionGraded>(new GradeExerciseSubmission(session.Id, exercise.Id, d.Type, d.Title,
                    d.Instructions, d.Requirements, solution.Code, solution.Language), ct, RequestTimeout.After(s: 30));
            }
            catch (RequestTimeoutException)
            {
                throw new ApiException(StatusCodes.Status503ServiceUnavailable, "Grading is not available right now; submit again shortly.");
            }
            var g = graded.Message;
            (score, passedTests, totalTests, strengths, improvements, detail, graderName) =
                (g.Score, g.RequirementsMet, g.RequirementsTotal, g.Strengths.ToList(), g.Improvements.ToList(), g.DetailedFeedback, g.Grader);
        }
        var passed = score >= PassMark;
        if (!await sessions.SubmitAsync(session.Id, score, passed, ct))
            throw ApiException.Conflict("This exercise session was already submitted; start the exercise again.");

        await progress.ObserveAsync(userId, exercise.ConceptId, score, ct);
        var now = DateTimeOffset.UtcNow;
        await events.AppendAsync(new LearningEvent(userId, "submitted", "exercise", exercise.Id.ToString(), Score: score, Success: passed,
            Completion: true, DurationSeconds: (int)Math.Min(int.MaxValue, (now - session.StartedAt).TotalSeconds),
            Context: new() { ["concept_id"] = exercise.ConceptId, ["type"] = d.Type, ["session_id"] = session.Id.ToString(), ["grader"] = graderName },
            DedupKey: $"exercise-submit:{session.Id}"), ct);
        await bus.Publish(new ExerciseSubmitted(userId, exercise.Id, exercise.ConceptId, score, passed, now), ct);

        var candidates = new List<Achievement> { Achievement.FirstExercise };
        if (passed && d.Type == "design") candidates.Add(Achievement.FirstApiDesign);
        if (passed && d.Type == "coding") candidates.Add(Achievement.FirstCode);
        if (d.Type == "quiz" && passedTests == totalTests && totalTests > 0) candidates.Add(Achievement.PerfectQuiz);
        if (await LearningStreaks.CurrentStreakDaysAsync(events, userId, ct) >= 3) candidates.Add(Achievement.Streak3);
        var unlocked = await achievements.AwardAsync(userId, candidates, ct);

        var reading = new List<Reading>();
        if (!passed || improvements.Count > 0)
        {
            var concept = await concepts.GetAsync(exercise.ConceptId, ct);
            if (concept is not null)
            {
                reading.Add(new Reading(concept.Id, concept.Title));
                var mine = new LearnerStatuses(await progress.ForUserAsync(userId, ct));
                reading.AddRange((await concepts.GetManyAsync(concept.Prerequisites, ct)).Where(p => !mine.IsMastered(p.Id)).Take(2)
                    .Select(p => new Reading(p.Id, p.Title)));
            }
        }
        var feedback = r.RequestFeedback
            ? new Feedback(strengths, improvements, detail, reading, graderName)
            : new Feedback([], [], "", [], graderName);
        await Send.OkAsync(new Response(
            new Result(Math.Round(score * d.Points, 2), d.Points, passedTests, totalTests, passed ? "passed" : "failed", solution.ExecutionTime),
            feedback, unlocked.Select(AchievementView.From).ToList()), ct);
    }
}
