using Pipeline.Domain.Tasks;
using Pipeline.Handlers.Ai;

namespace Pipeline.Handlers.Stages;

/// <summary>Runs a stage's AI work unless (and only while) its task is not canceled; no LLM call starts after a cancel.</summary>
public static class CanceledTaskGuard
{
    /// <returns>The work's result, or null when the task was canceled before a call could go out.</returns>
    public static async Task<T?> UnlessCanceledAsync<T>(this TaskCancellation cancellation, Guid taskId, Func<Task<T>> work) where T : class
    {
        using var _ = LlmCallPermission.OnlyWhile(async token => !await cancellation.IsCanceledAsync(taskId, token));
        try
        {
            return await work();
        }
        catch (LlmCallRefusedException)
        {
            return null;
        }
    }
}
