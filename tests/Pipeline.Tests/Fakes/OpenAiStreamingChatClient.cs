using System.ClientModel;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using OpenAI;
using OpenAI.Chat;
using AiChatMessage = Microsoft.Extensions.AI.ChatMessage;
using AiChatRole = Microsoft.Extensions.AI.ChatRole;

namespace Pipeline.Tests.Fakes;

/// <summary>
/// A streaming <see cref="IChatClient"/> over the real OpenAI SDK (<c>CompleteChatStreamingAsync</c>, real HTTP), for
/// tests of streamed replies against <see cref="FakeOpenAiServer"/> until the pipeline's own OpenAI adapter streams
/// (Microsoft.Extensions.AI.OpenAI's <c>AsIChatClient()</c>). Prose chat only: no tools, no response formats.
/// </summary>
public sealed class OpenAiStreamingChatClient(string baseUrl, string apiKey, string model) : IChatClient
{
    private readonly ChatClient _client = new(model, new ApiKeyCredential(apiKey), new OpenAIClientOptions { Endpoint = new Uri(baseUrl) });
    private readonly ChatClientMetadata _metadata = new("openai", new Uri(baseUrl), model);

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<AiChatMessage> messages, ChatOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in GetStreamingResponseAsync(messages, options, cancellationToken)) updates.Add(update);
        return updates.ToChatResponse();
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<AiChatMessage> messages, ChatOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var wire = messages.Select(m => m.Role == AiChatRole.System ? (OpenAI.Chat.ChatMessage)new SystemChatMessage(m.Text)
            : m.Role == AiChatRole.Assistant ? new AssistantChatMessage(m.Text)
            : new UserChatMessage(m.Text)).ToList();
        var completionOptions = new ChatCompletionOptions { Temperature = options?.Temperature, MaxOutputTokenCount = options?.MaxOutputTokens };
        await foreach (var update in _client.CompleteChatStreamingAsync(wire, completionOptions, cancellationToken))
        {
            foreach (var part in update.ContentUpdate)
                if (!string.IsNullOrEmpty(part.Text))
                    yield return new ChatResponseUpdate(AiChatRole.Assistant, part.Text) { ModelId = model };
            if (update.Usage is { } usage)
                yield return new ChatResponseUpdate
                {
                    Role = AiChatRole.Assistant,
                    Contents = [new UsageContent(new UsageDetails
                    {
                        InputTokenCount = usage.InputTokenCount, OutputTokenCount = usage.OutputTokenCount, TotalTokenCount = usage.TotalTokenCount,
                    })],
                };
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is not null ? null : serviceType == typeof(ChatClientMetadata) ? _metadata : serviceType.IsInstanceOfType(this) ? this : null;

    public void Dispose()
    {
    }
}
