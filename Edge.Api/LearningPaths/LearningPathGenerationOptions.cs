using System.ComponentModel.DataAnnotations;

namespace Pipeline.Edge.Api.LearningPaths;

/// <summary>
/// How the edge accepts a generation (section <c>Pipeline</c>; the Handlers host reads its own settings of that section
/// with Sagas' <c>LearningPathOptions</c>).
/// </summary>
public sealed class LearningPathGenerationOptions
{
    public const string Section = "Pipeline";

    /// <summary>How long the seed 000 generation route waits for the saved structure before answering 202 with the task id.</summary>
    [Range(1, 3600)] public int StructureTimeoutSeconds { get; set; } = 90;
}
