using MassTransit;

namespace Pipeline.Sagas.LearningPaths;

/// <summary>The <c>error_details</c> of a failed task: what the last attempt of the stage threw.</summary>
public static class FaultDescription
{
    public static string Of<T>(Fault<T> fault) where T : class
    {
        var exception = fault.Exceptions.FirstOrDefault();
        return exception is null
            ? "The stage failed without an exception."
            : $"{exception.ExceptionType.Split('.').Last()}: {exception.Message}";
    }
}
