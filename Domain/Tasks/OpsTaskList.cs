namespace Pipeline.Domain.Tasks;

public sealed record OpsTaskList(IReadOnlyList<OpsTask> Tasks, long Total);
