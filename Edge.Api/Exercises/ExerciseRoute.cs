using Pipeline.Domain.Concepts;
using Pipeline.Edge.Api.Concepts;
using Pipeline.Edge.Api.Errors;

namespace Pipeline.Edge.Api.Exercises;

/// <summary>Reads the <c>{exercise_id}</c> route value ("ex-123" or "123").</summary>
public static class ExerciseRoute
{
    public static async Task<Exercise> FindAsync(ConceptStore concepts, string exerciseId, CancellationToken ct)
    {
        if (!ConceptIds.TryParseExercise(exerciseId, out var id))
            throw ApiException.BadRequest("exercise_id must look like ex-123.", new[] { new { field = "exercise_id", message = "exercise_id must look like ex-123." } });
        return await concepts.ExerciseAsync(id, ct) ?? throw ApiException.NotFound($"Exercise {exerciseId} not found");
    }
}
