using Pipeline.Tests.LearningPaths;

namespace Pipeline.Tests.LearnerConsole;

/// <summary>
/// The whole system with Edge.Api on a real loopback port (a browser needs a socket) and the fake OpenAI-compatible
/// server as its AI, so a test can make card generation fail and then succeed again.
/// </summary>
public sealed class ConsoleFixture : OpenAiPipelineFixture
{
    protected override bool ListensOnRealPort => true;
}
