using MassTransit;

namespace Pipeline.Sagas.LearningPaths;

/// <summary>
/// Answers a caller that sent <c>GenerateLearningPath</c> as a request (seed 000's synchronous endpoint) long after the
/// request was consumed: the saga kept its request id and response address.
/// </summary>
public static class WaitingCaller
{
    public static async Task AnswerAsync<T, TResponse>(BehaviorContext<LearningPathState, T> context, TResponse response)
        where T : class where TResponse : class
    {
        var saga = context.Saga;
        if (saga.RequestId is not { } requestId || saga.ResponseAddress is null)
            return;
        var endpoint = await context.GetSendEndpoint(saga.ResponseAddress);
        await endpoint.Send(response, send => send.RequestId = requestId, context.CancellationToken);
        saga.RequestId = null;
        saga.ResponseAddress = null;
    }
}
