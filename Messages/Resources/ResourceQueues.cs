namespace Pipeline.Messages.Resources;

/// <summary>The queues Handlers serves seed 004's resources on (part of the bus contract, docs/bus-contracts.md).</summary>
public static class ResourceQueues
{
    /// <summary>Accepts <see cref="EmbedResource"/>.</summary>
    public const string EmbedResources = "embed-resources";

    /// <summary>Accepts <see cref="EmbedSearchQuery"/> (request/response).</summary>
    public const string EmbedSearchQueries = "embed-search-queries";

    /// <summary>Accepts <see cref="RecommendResources"/> (request/response).</summary>
    public const string RecommendResources = "recommend-resources";
}
