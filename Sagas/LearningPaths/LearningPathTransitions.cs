using Pipeline.Domain.Tasks;
using Pipeline.Messages.LearningPaths;
using Pipeline.Messages.Stages;

namespace Pipeline.Sagas.LearningPaths;

/// <summary>
/// What each transition does to the task's state. Progress only grows: every change goes through <see cref="Advance"/>.
/// </summary>
public static class LearningPathTransitions
{
    public static void Begin(this LearningPathState saga, GenerateLearningPath command, Guid? requestId, Uri? responseAddress, int cardsPerSection)
    {
        var now = DateTimeOffset.UtcNow;
        saga.UserId = command.UserId;
        saga.PublicTaskId = TaskIds.PublicId(command.UserId, command.TaskId);
        saga.Prompt = command.Prompt;
        saga.CardsPerSection = cardsPerSection;
        saga.CreatedAt = now;
        saga.StartedAt = now;
        saga.RequestId = requestId;
        saga.ResponseAddress = requestId is null ? null : responseAddress;
        saga.EnterStage(TaskStages.ExtractingGoals);
    }

    public static void GoalsExtracted(this LearningPathState saga, LearningGoalsExtracted message)
    {
        saga.Goals = message.Goals;
        saga.AddUsage(message.Usage);
        saga.EnterStage(TaskStages.PlanningPathStructure);
    }

    public static void PathPlanned(this LearningPathState saga, LearningPathPlanned message)
    {
        saga.Plan = message.Plan;
        saga.AddUsage(message.Usage);
        saga.EnterStage(TaskStages.SavingStructure);
    }

    public static void PathSaved(this LearningPathState saga, LearningPathSaved message)
    {
        saga.LearningPathId = message.LearningPathId;
        saga.Sections = [.. message.Sections];
        saga.PathTitle = saga.Plan?.Title ?? saga.PathTitle;
        saga.Plan = null;
        saga.EnterStage(TaskStages.GeneratingCards);
    }

    public static void SectionCardsGenerated(this LearningPathState saga, SectionCardsGenerated message)
    {
        // A redelivered completion must not count twice (nor its tokens).
        if (!saga.Sections.Any(s => s.SectionId == message.SectionId) || !saga.CardsBySection.TryAdd(message.SectionId, message.CardCount))
            return;
        saga.AddUsage(message.Usage);
        var share = saga.TotalCards == 0 ? 1 : Math.Min(1, (double)saga.CompletedCards / saga.TotalCards);
        saga.Advance(TaskStages.CardsStartAt + (100 - TaskStages.CardsStartAt) * share);
        saga.LastProgressAt = saga.UpdatedAt;
    }

    public static void Complete(this LearningPathState saga)
    {
        saga.FinishStageTiming();
        saga.Stage = TaskStages.Finished;
        saga.Status = TaskStatuses.Completed;
        saga.FailedStage = null;
        saga.ErrorDetails = null;
        saga.ResultMessage = $"Learning path ready with {saga.CompletedCards} cards in {saga.Sections.Count} sections.";
        saga.Advance(100);
        saga.EndedAt = saga.UpdatedAt;
    }

    public static void Fail(this LearningPathState saga, string error)
    {
        saga.FinishStageTiming();
        saga.Status = TaskStatuses.Failed;
        saga.FailedStage = saga.Stage;
        saga.ErrorDetails = error;
        saga.ResultMessage = $"Task failed during {saga.Stage.Replace('_', ' ')}.";
        saga.Advance(saga.Progress);
        saga.EndedAt = saga.UpdatedAt;
    }

    /// <summary>The prompt holds no learning goal: the user's to fix, so the message says what to do.</summary>
    public static void FailForUserInput(this LearningPathState saga, LearningGoalsNotFound message)
    {
        saga.AddUsage(message.Usage);
        saga.Fail(message.Reason);
        saga.ResultMessage = NoLearningGoalMessage;
    }

    public const string NoLearningGoalMessage =
        "No learning goal was found in the prompt. Say what you want to learn, e.g. \"I want to learn trading in 30 days\", and start a new generation.";

    public static void TimeOut(this LearningPathState saga, TimeSpan stageTimeout)
    {
        saga.FinishStageTiming();
        saga.Status = TaskStatuses.Timeout;
        saga.FailedStage = saga.Stage;
        saga.ResultMessage = $"Stage {saga.Stage} made no progress for {stageTimeout.TotalSeconds:0}s after {saga.StageResends} re-sends.";
        saga.Advance(saga.Progress);
        saga.EndedAt = saga.UpdatedAt;
    }

    public static void Cancel(this LearningPathState saga, string reason)
    {
        saga.FinishStageTiming();
        saga.Status = TaskStatuses.Canceled;
        saga.ResultMessage = string.IsNullOrWhiteSpace(reason) ? "Canceled." : $"Canceled: {reason}";
        saga.Advance(saga.Progress);
        saga.EndedAt = saga.UpdatedAt;
    }

    /// <summary>A retry resumes at the stage that failed; what earlier stages produced is kept.</summary>
    public static void Resume(this LearningPathState saga)
    {
        saga.Status = TaskStatuses.Running;
        saga.Stage = saga.FailedStage ?? saga.Stage;
        saga.FailedStage = null;
        saga.ErrorDetails = null;
        saga.ResultMessage = null;
        saga.EndedAt = null;
        saga.StageResends = 0;
        saga.Attempt++;
        saga.StageStartedAt = DateTimeOffset.UtcNow;
        saga.Advance(saga.Progress);
        saga.LastProgressAt = saga.UpdatedAt;
    }

    public static TimeSpan TimeWithoutProgress(this LearningPathState saga) => DateTimeOffset.UtcNow - saga.LastProgressAt;

    public static void StageResent(this LearningPathState saga)
    {
        saga.StageResends++;
        saga.LastProgressAt = DateTimeOffset.UtcNow;
    }

    private static void EnterStage(this LearningPathState saga, string stage)
    {
        saga.FinishStageTiming();
        saga.StageStartedAt = DateTimeOffset.UtcNow;
        saga.Stage = stage;
        saga.Status = TaskStatuses.Running;
        saga.StageResends = 0;
        saga.Advance(TaskStages.ProgressAtStart(stage));
        saga.LastProgressAt = saga.UpdatedAt;
    }

    /// <summary>Adds the time since the current stage started to its total; a stage is timed once per attempt.</summary>
    private static void FinishStageTiming(this LearningPathState saga)
    {
        if (saga.StageStartedAt is not { } started || string.IsNullOrEmpty(saga.Stage)) return;
        var seconds = Math.Max(0, (DateTimeOffset.UtcNow - started).TotalSeconds);
        saga.StageSeconds[saga.Stage] = Math.Round(saga.StageSeconds.GetValueOrDefault(saga.Stage) + seconds, 3);
        saga.StageStartedAt = null;
    }

    private static void Advance(this LearningPathState saga, double progress)
    {
        saga.Progress = Math.Round(Math.Max(saga.Progress, Math.Clamp(progress, 0, 100)), 1);
        // Saga transitions of one task are serialised (row lock), so this clock only moves forward for the task.
        var now = DateTimeOffset.UtcNow;
        saga.UpdatedAt = now > saga.UpdatedAt ? now : saga.UpdatedAt.AddTicks(1);
    }

    private static void AddUsage(this LearningPathState saga, LlmUsage usage)
    {
        if (usage.Calls == 0) return;
        saga.LlmProvider = usage.Provider;
        saga.LlmModel = usage.Model;
        saga.PromptTokens += usage.PromptTokens;
        saga.CompletionTokens += usage.CompletionTokens;
        saga.LlmCalls += usage.Calls;
    }
}
