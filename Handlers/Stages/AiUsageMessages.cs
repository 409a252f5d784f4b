using Pipeline.Handlers.Ai;
using Pipeline.Messages.Stages;

namespace Pipeline.Handlers.Stages;

public static class AiUsageMessages
{
    public static LlmUsage ToMessage(this AiUsage usage) =>
        new(usage.Provider, usage.Model, usage.PromptTokens, usage.CompletionTokens, usage.Calls);
}
