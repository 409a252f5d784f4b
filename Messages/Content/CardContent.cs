namespace Pipeline.Messages.Content;

/// <summary>One study card: a question or prompt on the front, its answer on the back.</summary>
public record CardContent(string Front, string Back);
