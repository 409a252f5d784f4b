namespace Pipeline.Messages.Tracks;

/// <summary>Ask the configured AI provider a trivial question (queue <c>test-ai-connection</c>); answered with
/// <see cref="AiConnectionTested"/>.</summary>
public sealed record TestAiConnection(long UserId);
