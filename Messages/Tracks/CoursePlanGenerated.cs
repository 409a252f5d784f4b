using Pipeline.Messages.Content;

namespace Pipeline.Messages.Tracks;

public sealed record CoursePlanGenerated(CoursePlan Plan, long PromptTokens, long CompletionTokens);
