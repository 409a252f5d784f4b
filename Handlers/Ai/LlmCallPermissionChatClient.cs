using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace Pipeline.Handlers.Ai;

/// <summary>
/// The cancel gate: asks <see cref="LlmCallPermission"/> just before a call goes out. It sits inside the
/// <see cref="ConcurrencyLimitingChatClient"/>, so a call that queued for a slot is checked when it gets one, not when it
/// queued (card generation for a task canceled meanwhile never reaches the provider).
/// </summary>
/// <exception cref="LlmCallRefusedException">The work that asked for the call no longer wants it.</exception>
public sealed class LlmCallPermissionChatClient(IChatClient innerClient) : DelegatingChatClient(innerClient)
{
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        await LlmCallPermission.EnsureAllowedAsync(cancellationToken);
        return await base.GetResponseAsync(messages, options, cancellationToken);
    }

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages,
        ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await LlmCallPermission.EnsureAllowedAsync(cancellationToken);
        await foreach (var update in base.GetStreamingResponseAsync(messages, options, cancellationToken))
            yield return update;
    }

    protected override void Dispose(bool disposing)
    {
        // The inner client belongs to the container.
    }
}
