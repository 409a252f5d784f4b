using FastEndpoints;
using Pipeline.Domain.Concepts;
using Pipeline.Edge.Api.Auth;
using Pipeline.Edge.Api.Errors;

namespace Pipeline.Edge.Api.Concepts.Get;

/// <summary>
/// Seed 003: one concept with its prerequisites (and the caller's status on each), objectives, resources, exercises; the
/// caller's mastery and active session (only ever the caller's own).
/// </summary>
public sealed class Endpoint(ConceptStore concepts, ConceptProgressStore progress) : Endpoint<Request, ConceptDetail>
{
    public override void Configure()
    {
        Get(LearnTracRoutes.Prefix + "/concepts/{concept_id}");
        Description(d => d.WithTags(LearnTracRoutes.Tag).ProducesProblem(400).ProducesProblem(401).ProducesProblem(404));
    }

    public override async Task HandleAsync(Request r, CancellationToken ct)
    {
        var concept = await concepts.GetAsync(r.ConceptId, ct) ?? throw ApiException.NotFound($"Concept {r.ConceptId} not found");
        var mine = await progress.ForUserAsync(User.UserId(), ct);
        var prerequisites = await concepts.GetManyAsync(concept.Prerequisites, ct);
        var exercises = await concepts.ExercisesAsync(concept.Id, ct);
        var own = mine.GetValueOrDefault(concept.Id);
        var session = await progress.ActiveSessionAsync(User.UserId(), concept.Id, ct);
        await Send.OkAsync(new ConceptDetail(concept.Id, concept.Title, concept.Description, concept.Type, own?.Status ?? ConceptStatus.New,
            concept.Difficulty, concept.MasteryThreshold, concept.Component, concept.Milestone,
            prerequisites.Select(p => new PrerequisiteView(p.Id, p.Title, mine.GetValueOrDefault(p.Id)?.Status ?? ConceptStatus.New)).ToList(),
            concept.Objectives, concept.Resources.Select(x => new ResourceView(x.Type, x.Title, x.Url)).ToList(),
            exercises.Select(e => new ConceptExerciseView(e.PublicId, e.Definition.Title, e.Definition.Type, e.Definition.Points)).ToList(),
            concept.EstimatedTime, concept.Tags, Math.Round(own?.Mastery ?? 0, 3),
            new ConceptMetadata(concept.Id, concept.CustomFields),
            session is null ? null : new ActiveSessionView(session.Id, session.StartedAt, session.LearningMode)), ct);
    }
}
