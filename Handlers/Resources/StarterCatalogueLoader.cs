using System.Text.Json;
using Microsoft.Extensions.Options;
using Pipeline.Domain.Platform;

namespace Pipeline.Handlers.Resources;

/// <summary>
/// On start: adds the shipped starter catalogue (entries already there are left alone, so every start may do it), then
/// embeds every resource that has no embedding of the current model, in small batches. This also catches a resource
/// whose <c>EmbedResource</c> command was lost, and re-embeds everything after a change of embedding model.
/// </summary>
public sealed class StarterCatalogueLoader(ResourceStore resources, ResourceEmbedder embedder, IOptions<ResourceOptions> options,
    ILogger<StarterCatalogueLoader> logger) : BackgroundService
{
    private const int BatchSize = 16;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.LoadCatalogue) return;
        try
        {
            var added = await resources.AddCatalogueAsync(Read(), stoppingToken);
            if (added > 0) logger.LogInformation("Starter catalogue: {Count} resources added", added);
            var embedded = 0;
            while (!stoppingToken.IsCancellationRequested)
            {
                var batch = await resources.NotEmbeddedAsync(embedder.Model, BatchSize, stoppingToken);
                if (batch.Count == 0) break;
                await embedder.EmbedAsync(batch, stoppingToken);
                embedded += batch.Count;
            }
            if (embedded > 0) logger.LogInformation("Embedded {Count} resources with {Model}", embedded, embedder.Model);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            // Search still works by full text; the next start tries again.
            logger.LogError(e, "Loading or embedding the starter catalogue failed");
        }
    }

    public static IReadOnlyList<NewResource> Read()
    {
        using var stream = typeof(StarterCatalogueLoader).Assembly.GetManifestResourceStream("Pipeline.Handlers.Resources.starter-catalogue.json")
            ?? throw new InvalidOperationException("The starter catalogue is not embedded in the Handlers assembly.");
        var catalogue = JsonSerializer.Deserialize<Catalogue>(stream, JsonSerializerOptions.Web)
            ?? throw new InvalidOperationException("The starter catalogue is empty.");
        return catalogue.Resources.Select(r => new NewResource(r.Title, r.Type, r.Url, r.Description, r.Tags, "catalogue", null)).ToList();
    }

    private sealed record Catalogue(IReadOnlyList<Entry> Resources);

    private sealed record Entry(string Title, string Type, string Url, string Description, string[] Tags);
}
