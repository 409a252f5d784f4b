namespace Pipeline.Messages.Stages;

/// <summary>The path is stored; <paramref name="Sections"/> lists what card generation fans out over.</summary>
public record LearningPathSaved(Guid TaskId, long LearningPathId, IReadOnlyList<SavedSection> Sections);
