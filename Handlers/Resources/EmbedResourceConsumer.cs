using MassTransit;
using Pipeline.Domain.Platform;
using Pipeline.Messages.Resources;

namespace Pipeline.Handlers.Resources;

/// <summary>Embeds one added resource. A redelivery finds it embedded with the current model and does nothing.</summary>
public sealed class EmbedResourceConsumer(ResourceStore resources, ResourceEmbedder embedder) : IConsumer<EmbedResource>
{
    public async Task Consume(ConsumeContext<EmbedResource> context)
    {
        var resource = await resources.FindAsync(context.Message.ResourceId, context.CancellationToken);
        if (resource is null) return;
        if (resource.Embedded && await IsCurrentAsync(resource, context.CancellationToken)) return;
        await embedder.EmbedAsync([resource], context.CancellationToken);
    }

    private async Task<bool> IsCurrentAsync(Resource resource, CancellationToken ct) =>
        !(await resources.NotEmbeddedAsync(embedder.Model, int.MaxValue, ct)).Any(r => r.Id == resource.Id);
}
