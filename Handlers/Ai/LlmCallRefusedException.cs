namespace Pipeline.Handlers.Ai;

/// <summary>An LLM call was not made because the work it was for was canceled (see <see cref="LlmCallPermission"/>).</summary>
public sealed class LlmCallRefusedException() : Exception("The LLM call was not made: its task was canceled.");
