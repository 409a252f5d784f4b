using System.ComponentModel.DataAnnotations;

namespace Pipeline.Sagas.LearningPaths;

public sealed class LearningPathOptions
{
    public const string Section = "Pipeline";

    /// <summary>Cards asked for per section (the model may return one fewer).</summary>
    [Range(1, 20)] public int CardsPerSection { get; set; } = 5;

    /// <summary>A stage with no progress for this long is re-sent, up to <see cref="MaxStageResends"/> times, then the task times out.</summary>
    [Range(1, 3600)] public int StageTimeoutSeconds { get; set; } = 120;

    [Range(0, 10)] public int MaxStageResends { get; set; } = 2;

    public TimeSpan StageTimeout => TimeSpan.FromSeconds(StageTimeoutSeconds);
}
