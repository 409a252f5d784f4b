namespace Pipeline.Domain.Tasks;

/// <summary>
/// The public task id (seed 002 shows <c>full_path_gen_USERID_TIMESTAMP</c>) is derived from the user and the task's
/// bus correlation id, so every process computes the same one without a lookup.
/// </summary>
public static class TaskIds
{
    public static string PublicId(long userId, Guid taskId) => $"full_path_gen_{userId}_{taskId:N}";
}
