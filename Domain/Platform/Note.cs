namespace Pipeline.Domain.Platform;

public sealed record Note
{
    public long Id { get; init; }
    public long UserId { get; init; }
    public string Title { get; init; } = "";
    public string Content { get; init; } = "";
    public long? CourseId { get; init; }
    public string[] Tags { get; init; } = [];
    public DateTime CreatedAt { get; init; }
    public DateTime UpdatedAt { get; init; }
}
