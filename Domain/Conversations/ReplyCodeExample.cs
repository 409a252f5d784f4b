namespace Pipeline.Domain.Conversations;

public sealed record ReplyCodeExample(string Language, string Title, string Code);
