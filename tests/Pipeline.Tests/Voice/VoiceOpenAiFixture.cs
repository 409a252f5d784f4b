using Pipeline.Tests.LearningPaths;

namespace Pipeline.Tests.Voice;

/// <summary>The system with the AI provider (chat and speech) on the fake OpenAI server, Edge.Api on a real port.</summary>
public sealed class VoiceOpenAiFixture : OpenAiPipelineFixture
{
    protected override bool ListensOnRealPort => true;
}
