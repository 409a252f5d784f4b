namespace Pipeline.Domain.Platform;

public sealed record NewResource(string Title, string Type, string Url, string Description, string[] Tags, string Source, long? AddedBy);
