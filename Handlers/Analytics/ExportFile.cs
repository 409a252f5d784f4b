namespace Pipeline.Handlers.Analytics;

public sealed record ExportFile(byte[] Content, string ContentType, string Extension);
