namespace Pipeline.Messages.Stages;

/// <summary>Scheduled by the saga when a stage starts or progresses; fires when a stage made no progress in time.</summary>
public record StageTimedOut(Guid TaskId);
