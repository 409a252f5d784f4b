using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace Pipeline.Handlers.Ai.Offline;

/// <summary>
/// The default provider: answers the pipeline's structured-output requests from templates, deterministically, with no
/// network and no key, so the whole system runs (and its tests pass) on a machine without a model. Everything it
/// writes is labelled (see <see cref="OfflineLabel"/>). With a <c>simulatedLatency</c> (Ai:SimulatedLatencyMs) each call waits that
/// long (cancellably) before answering, standing in for a real model in benchmarks; by default it answers at once.
/// </summary>
public sealed class OfflineChatClient(TimeSpan simulatedLatency = default) : IChatClient
{
    public const string ModelId = "offline-templates-1";

    private static readonly ChatClientMetadata Metadata = new(AiOptions.OfflineProvider, null, ModelId);

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (simulatedLatency > TimeSpan.Zero)
            await Task.Delay(simulatedLatency, cancellationToken);
        var conversation = messages.ToList();
        var schemaName = (options?.ResponseFormat as ChatResponseFormatJson)?.SchemaName;
        // Repairs append messages; the inputs are always in the first user message.
        var input = conversation.FirstOrDefault(message => message.Role == ChatRole.User)?.Text ?? "";

        string? answer;
        try
        {
            // No response schema: a conversation turn (Handlers/Conversations), answered in prose.
            answer = schemaName is null && options?.ResponseFormat is not ChatResponseFormatJson
                ? OfflineChatReply.Write(conversation)
                : schemaName == AiSchemaNames.TutorReply
                    ? OfflineChatReply.WriteStructured(conversation) // a conversation turn asked as structured output
                    : OfflineAnswers.Answer(schemaName, input);
        }
        catch (JsonException e)
        {
            throw new AiPermanentException($"The offline provider could not read the inputs for '{schemaName}': {e.Message}", e);
        }
        if (answer is null)
            throw new AiPermanentException($"The offline provider only answers the pipeline's schemas, not '{schemaName ?? "(none)"}'.");

        // Roughly four characters per token, like English text in OpenAI's tokenizers: plausible numbers for cost reports.
        var promptTokens = Math.Max(1, conversation.Sum(message => message.Text.Length) / 4);
        var completionTokens = Math.Max(1, answer.Length / 4);
        return new ChatResponse(new ChatMessage(ChatRole.Assistant, answer))
        {
            ModelId = ModelId,
            FinishReason = ChatFinishReason.Stop,
            Usage = new UsageDetails
            {
                InputTokenCount = promptTokens,
                OutputTokenCount = completionTokens,
                TotalTokenCount = promptTokens + completionTokens,
            },
        };
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages,
        ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var response = await GetResponseAsync(messages, options, cancellationToken);
        if (options?.ResponseFormat is ChatResponseFormatJson { SchemaName: not AiSchemaNames.TutorReply })
        {
            foreach (var update in response.ToChatResponseUpdates()) yield return update;
            yield break;
        }
        // Prose (and a chat turn's structured answer) streams word by word, like a model's tokens, with the usage in the last update.
        var responseId = Guid.NewGuid().ToString("N");
        foreach (var token in OfflineChatReply.Tokens(response.Text))
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return new ChatResponseUpdate(ChatRole.Assistant, token) { ModelId = ModelId, ResponseId = responseId };
        }
        yield return new ChatResponseUpdate
        {
            Role = ChatRole.Assistant,
            ModelId = ModelId,
            ResponseId = responseId,
            FinishReason = ChatFinishReason.Stop,
            Contents = [new UsageContent(response.Usage!)],
        };
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is not null ? null
        : serviceType == typeof(ChatClientMetadata) ? Metadata
        : serviceType.IsInstanceOfType(this) ? this
        : null;

    public void Dispose()
    {
    }
}
