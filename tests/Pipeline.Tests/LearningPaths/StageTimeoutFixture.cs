namespace Pipeline.Tests.LearningPaths;

/// <summary>A fake LLM and a stage timeout of two seconds with one re-send, so a stuck stage times out quickly.</summary>
public sealed class StageTimeoutFixture : OpenAiPipelineFixture
{
    protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>(base.ExtraSettings)
    {
        ["Pipeline:StageTimeoutSeconds"] = "2",
        ["Pipeline:MaxStageResends"] = "1",
        // Hung calls hold their LLM slots until the request timeout; keep it short so the retry gets a slot.
        ["Ai:RequestTimeoutSeconds"] = "6",
    };
}
