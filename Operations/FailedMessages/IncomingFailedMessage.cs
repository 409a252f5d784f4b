namespace Pipeline.Operations.FailedMessages;

/// <summary>A message as taken off an error queue, ready to be stored.</summary>
public sealed record IncomingFailedMessage(
    string MessageId,
    string Queue,
    string MessageType,
    string ExceptionType,
    string ExceptionMessage,
    string? StackTrace,
    string HeadersJson,
    string? ContentType,
    byte[] Body,
    Guid? TaskId,
    string? Stage,
    DateTimeOffset FailedAt)
{
    public string GroupId => FailedMessageGroups.IdOf(MessageType, ExceptionType, Stage);
}
