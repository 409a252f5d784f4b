using MassTransit;
using Pipeline.Messages.Resources;

namespace Pipeline.Handlers.Resources;

/// <summary>Answers the edge's request for a search query's embedding (the edge runs no model).</summary>
public sealed class EmbedSearchQueryConsumer(ResourceEmbedder embedder) : IConsumer<EmbedSearchQuery>
{
    public async Task Consume(ConsumeContext<EmbedSearchQuery> context) =>
        await context.RespondAsync(new SearchQueryEmbedded(await embedder.EmbedQueryAsync(context.Message.Text, context.CancellationToken), embedder.Model));
}
