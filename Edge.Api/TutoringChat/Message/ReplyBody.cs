namespace Pipeline.Edge.Api.TutoringChat.Message;

public sealed record ReplyBody(string Message, IReadOnlyList<TutorReply.CodeExample> CodeExamples, IReadOnlyList<string> FollowUpQuestions);
