using System.ClientModel;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace Pipeline.Handlers.Ai;

/// <summary>
/// Sorts provider failures into "worth retrying" (<see cref="AiTransientException"/>: 429 with its Retry-After, 408,
/// 409, 5xx, a timeout, an unreachable host) and "will not pass" (<see cref="AiPermanentException"/>: other 4xx, a
/// refusal). The caller's own cancellation stays cancellation. Messages carry the status and the provider's error text,
/// never the key. Streaming answers are translated too, including failures in the middle of the stream.
/// </summary>
public sealed class ProviderErrorChatClient(IChatClient innerClient, TimeProvider? time = null) : DelegatingChatClient(innerClient)
{
    /// <summary>Microsoft.Extensions.AI.OpenAI reports a model's refusal as <see cref="ErrorContent"/> with this code.</summary>
    private const string RefusalErrorCode = "Refusal";

    private readonly TimeProvider _time = time ?? TimeProvider.System;

    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ChatResponse response;
        try
        {
            response = await base.GetResponseAsync(messages, options, cancellationToken);
        }
        catch (Exception e) when (Translate(e, cancellationToken) is { } translated)
        {
            throw translated;
        }
        ThrowIfRefused(response.Messages.SelectMany(message => message.Contents));
        return response;
    }

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages,
        ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        IAsyncEnumerator<ChatResponseUpdate> updates;
        try
        {
            updates = base.GetStreamingResponseAsync(messages, options, cancellationToken).GetAsyncEnumerator(cancellationToken);
        }
        catch (Exception e) when (Translate(e, cancellationToken) is { } translated)
        {
            throw translated;
        }
        await using (updates)
        {
            while (true)
            {
                try
                {
                    if (!await updates.MoveNextAsync()) yield break;
                }
                catch (Exception e) when (Translate(e, cancellationToken) is { } translated)
                {
                    throw translated;
                }
                ThrowIfRefused(updates.Current.Contents);
                yield return updates.Current;
            }
        }
    }

    protected override void Dispose(bool disposing)
    {
        // The inner client belongs to the container.
    }

    private static void ThrowIfRefused(IEnumerable<AIContent> contents)
    {
        if (contents.OfType<ErrorContent>().FirstOrDefault(error => error.ErrorCode == RefusalErrorCode) is { } refusal)
            throw new AiPermanentException($"The model refused: {refusal.Message}");
    }

    /// <summary>Null for what is not a provider failure (the caller's cancellation, our own exceptions).</summary>
    private Exception? Translate(Exception exception, CancellationToken cancellationToken) => exception switch
    {
        OperationCanceledException when cancellationToken.IsCancellationRequested => null,
        AiTransientException or AiPermanentException or LlmCallRefusedException => null,
        OperationCanceledException or TimeoutException =>
            new AiTransientException("The AI provider did not answer within the request timeout.", inner: exception),
        ClientResultException { Status: 429 } rateLimited =>
            new AiTransientException("The AI provider rate-limited the request (429).",
                RetryAfterHeader.Read(rateLimited.GetRawResponse(), _time.GetUtcNow()), rateLimited),
        ClientResultException { Status: 0 } network =>
            new AiTransientException($"The AI provider could not be reached: {network.Message}", inner: network),
        ClientResultException { Status: 408 or 409 or >= 500 } server =>
            new AiTransientException($"The AI provider failed with {server.Status}.", inner: server),
        ClientResultException client =>
            new AiPermanentException($"The AI provider refused the request with {client.Status}: {client.Message}", client),
        HttpRequestException or IOException =>
            new AiTransientException($"The AI provider could not be reached: {exception.Message}", inner: exception),
        _ => null,
    };
}
