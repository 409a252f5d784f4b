using MassTransit;

namespace Pipeline.Handlers.Exercises;

public static class ExercisesRegistration
{
    /// <summary>Grading of design and coding exercises (seed 003), answered to the edge's request client.</summary>
    public static IBusRegistrationConfigurator AddExerciseGrading(this IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<GradeExerciseSubmissionConsumer>();
        return bus;
    }
}
