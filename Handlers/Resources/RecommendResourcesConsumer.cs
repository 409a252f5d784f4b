using System.Globalization;
using System.Text;
using System.Text.Json;
using MassTransit;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using Pipeline.Domain.Platform;
using Pipeline.Handlers.Ai;
using Pipeline.Messages.Resources;

namespace Pipeline.Handlers.Resources;

/// <summary>
/// Recommends resources for a learner's context: the context's embedding picks the nearest
/// <see cref="CandidateCount"/> resources the user can see, then the LLM ranks them and gives a reason for each. The
/// offline provider ranks by similarity and writes a labelled, deterministic reason; a model answer that names
/// resources outside the candidates or is not the asked JSON falls back to the same ranking.
/// </summary>
public sealed class RecommendResourcesConsumer(ResourceEmbedder embedder, ResourceVectorIndex index, ResourceStore resources,
    ConcurrencyLimitingChatClient chat, IOptions<AiOptions> ai, ILogger<RecommendResourcesConsumer> logger) : IConsumer<RecommendResources>
{
    public const int CandidateCount = 12;
    public const string OfflineLabel = "[offline recommender]";

    public async Task Consume(ConsumeContext<RecommendResources> context)
    {
        var request = context.Message;
        var ct = context.CancellationToken;
        var vector = await embedder.EmbedQueryAsync(request.Context, ct);
        var nearest = await index.NearestAsync(vector, embedder.Model, request.UserId, null, CandidateCount, 0.05, ct);
        var found = (await resources.FindVisibleAsync(request.UserId, nearest.Select(n => n.Id).ToList(), ct)).ToDictionary(r => r.Id);
        var candidates = nearest.Where(n => found.ContainsKey(n.Id)).Select(n => (Resource: found[n.Id], n.Score)).ToList();

        var offline = ai.Value.EffectiveProvider == AiOptions.OfflineProvider;
        var ranked = offline ? null : await RankWithModelAsync(request, candidates, ct);
        var items = ranked ?? candidates.Take(request.Limit)
            .Select(c => new RecommendedResource(c.Resource.Id,
                $"{OfflineLabel} Closest in meaning to your context (similarity {c.Score.ToString("0.00", CultureInfo.InvariantCulture)}): {c.Resource.Description}",
                c.Score))
            .ToList();
        await context.RespondAsync(new ResourcesRecommended(items, offline || ranked is null ? AiOptions.OfflineProvider : AiOptions.OpenAiProvider));
    }

    private async Task<List<RecommendedResource>?> RankWithModelAsync(RecommendResources request, List<(Resource Resource, double Score)> candidates,
        CancellationToken ct)
    {
        if (candidates.Count == 0) return [];
        var prompt = new StringBuilder()
            .Append("A learner's context:\n").Append(request.Context).Append("\n\nCandidate resources:\n");
        foreach (var (resource, _) in candidates)
            prompt.Append("- id ").Append(resource.Id).Append(": ").Append(resource.Title).Append(" (").Append(resource.Type).Append("): ")
                .Append(resource.Description).Append('\n');
        prompt.Append("\nPick the ").Append(request.Limit)
            .Append(" most useful for this learner, best first. Answer only JSON: {\"items\": [{\"id\": <id>, \"reason\": \"<one sentence>\"}]}.");
        try
        {
            var response = await chat.GetResponseAsync([new ChatMessage(ChatRole.User, prompt.ToString())], new ChatOptions { ResponseFormat = ChatResponseFormat.Json }, ct);
            var answer = JsonSerializer.Deserialize<ModelAnswer>(response.Text, JsonSerializerOptions.Web);
            var scores = candidates.ToDictionary(c => c.Resource.Id, c => c.Score);
            var items = (answer?.Items ?? [])
                .Where(i => scores.ContainsKey(i.Id) && !string.IsNullOrWhiteSpace(i.Reason))
                .DistinctBy(i => i.Id)
                .Take(request.Limit)
                .Select(i => new RecommendedResource(i.Id, i.Reason!.Trim(), scores[i.Id]))
                .ToList();
            return items.Count > 0 ? items : null;
        }
        catch (Exception e) when (e is JsonException or AiPermanentException or AiTransientException or HttpRequestException or TaskCanceledException)
        {
            logger.LogWarning("The model's ranking was unusable, recommending by similarity: {Error}", e.Message);
            return null;
        }
    }

    private sealed record ModelAnswer(IReadOnlyList<ModelItem>? Items);

    private sealed record ModelItem(long Id, string? Reason);
}
