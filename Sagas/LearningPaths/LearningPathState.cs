using System.Text.Json.Serialization;
using MassTransit;
using Pipeline.Messages.Content;
using Pipeline.Messages.Stages;

namespace Pipeline.Sagas.LearningPaths;

/// <summary>
/// Everything the learning-path saga remembers about one task. What a finished stage produced (goals, plan, saved
/// sections) is kept, so a retry resumes at the failed stage without redoing earlier ones.
/// </summary>
public class LearningPathState : SagaStateMachineInstance, ISagaVersion
{
    public Guid CorrelationId { get; set; }
    public int Version { get; set; }
    public string CurrentState { get; set; } = "";

    public long UserId { get; set; }
    public string PublicTaskId { get; set; } = "";
    public string Prompt { get; set; } = "";

    // What the frontend sees (seed 002), written to user_tasks in the same transaction as this state.
    public string Status { get; set; } = "";
    public string Stage { get; set; } = "";
    public double Progress { get; set; }
    public string? ResultMessage { get; set; }
    public string? ErrorDetails { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? EndedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    // What the stages produced.
    public LearningGoals? Goals { get; set; }
    /// <summary>The planned structure, until it is saved: from then on PostgreSQL holds it, and the state keeps only
    /// what the card stage needs (<see cref="PathTitle"/>, <see cref="Sections"/>). That halves the state every card
    /// completion reads and writes.</summary>
    public PlannedPath? Plan { get; set; }
    public string? PathTitle { get; set; }
    public long? LearningPathId { get; set; }
    public List<SavedSection> Sections { get; set; } = [];
    public int CardsPerSection { get; set; }
    public Dictionary<long, int> CardsBySection { get; set; } = [];

    /// <summary>The stage to resume at when the task failed or timed out.</summary>
    public string? FailedStage { get; set; }

    // A synchronous caller waiting for the structure (seed 000's endpoint), answered when it is saved.
    public Guid? RequestId { get; set; }
    public Uri? ResponseAddress { get; set; }

    public Guid? StageTimeoutTokenId { get; set; }
    public int StageResends { get; set; }

    /// <summary>The task's current run: 0, then one more per retry. Stage commands carry it, so a late fault of an earlier run is ignored.</summary>
    public int Attempt { get; set; }

    public string? LlmProvider { get; set; }
    public string? LlmModel { get; set; }
    public long PromptTokens { get; set; }
    public long CompletionTokens { get; set; }
    public int LlmCalls { get; set; }

    /// <summary>When the current stage was entered (or resumed), for <see cref="StageSeconds"/>.</summary>
    public DateTimeOffset? StageStartedAt { get; set; }

    /// <summary>Seconds each finished stage took (a resumed stage adds its new attempt): the ops metrics read these.</summary>
    public Dictionary<string, double> StageSeconds { get; set; } = [];

    /// <summary>When the current stage last moved forward; the stage timeout counts from here.</summary>
    public DateTimeOffset LastProgressAt { get; set; }

    /// <summary>Cards expected: what finished sections really got (the model may return one fewer), the target for the rest.</summary>
    [JsonIgnore] public int TotalCards => Sections.Sum(s => CardsBySection.TryGetValue(s.SectionId, out var done) ? done : CardsPerSection);
    [JsonIgnore] public int CompletedCards => CardsBySection.Values.Sum();
    [JsonIgnore] public bool AllSectionsHaveCards => Sections.All(s => CardsBySection.ContainsKey(s.SectionId));
}
