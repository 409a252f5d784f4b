namespace Pipeline.Edge.Api.Resources;

/// <summary>The kinds of resource (the CHECK in migration 0031 lists the same).</summary>
public enum ResourceType { Article, Video, Course, Book, Documentation, Tutorial, Exercise, Podcast, Tool, Other }
