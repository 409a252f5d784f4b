using Pipeline.Domain.Conversations;

namespace Pipeline.Handlers.Conversations;

/// <summary>A tutoring chat turn as structured output: the prose, then the code examples and follow-up questions apart.</summary>
public sealed record TutorAnswer(string Message, IReadOnlyList<ReplyCodeExample> CodeExamples, IReadOnlyList<string> FollowUpQuestions);
