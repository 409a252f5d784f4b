namespace Pipeline.Domain.Conversations;

/// <summary>
/// The parts of a reply the model gave as structured output beside its prose (<c>conversation_messages.structure</c>):
/// written by the Handlers reply worker, read by the seed 003 tutoring chat routes.
/// </summary>
public sealed record ReplyStructure(IReadOnlyList<ReplyCodeExample> CodeExamples, IReadOnlyList<string> FollowUpQuestions);
