namespace Pipeline.Edge.Api.Operations.Tasks;

public sealed record OpsTaskList(IReadOnlyList<OpsTask> Tasks, long Total);
