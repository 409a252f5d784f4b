using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Domain.LearningEvents;
using Pipeline.Messages.Learning;
using Pipeline.Tests.Infrastructure;
using Pipeline.Tests.Webhooks;

namespace Pipeline.Tests.Analytics;

/// <summary>Learning activity as the learning core records it: a learning event appended, then the bus event published.</summary>
public static class LearningActivity
{
    public static async Task CompleteConceptAsync(this PipelineFixture fixture, long userId, long conceptId, string title, double mastery,
        int seconds, string component, string milestone, DateTimeOffset? at = null)
    {
        var when = at ?? DateTimeOffset.UtcNow;
        await fixture.HandlerServices.GetRequiredService<LearningEventStore>().AppendAsync(new LearningEvent(userId, "completed", "concept",
            conceptId.ToString(), mastery, true, true, seconds, new JsonObject { ["concept_id"] = conceptId, ["component"] = component, ["milestone"] = milestone },
            $"test-concept-completed:{userId}:{conceptId}:{when.UtcTicks}", when), CancellationToken.None);
        await fixture.PublishAsync(new ConceptCompleted(userId, conceptId, title, mastery, when));
    }

    public static Task SubmitExerciseAsync(this PipelineFixture fixture, long userId, long exerciseId, long conceptId, double score, bool passed,
        DateTimeOffset at) =>
        fixture.PublishAsync(new ExerciseSubmitted(userId, exerciseId, conceptId, score, passed, at));
}
