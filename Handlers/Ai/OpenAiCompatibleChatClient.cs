using System.ClientModel;
using System.ClientModel.Primitives;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using OpenAI;
using OpenAI.Chat;
using AiChatMessage = Microsoft.Extensions.AI.ChatMessage;
using AiChatResponseFormat = Microsoft.Extensions.AI.ChatResponseFormat;
using SdkChatMessage = OpenAI.Chat.ChatMessage;
using SdkChatResponseFormat = OpenAI.Chat.ChatResponseFormat;

namespace Pipeline.Handlers.Ai;

/// <summary>
/// <see cref="IChatClient"/> over the OpenAI SDK's <see cref="ChatClient"/>, for any OpenAI-compatible endpoint
/// (OpenAI, Azure OpenAI's /openai/v1, Ollama, vLLM, LM Studio). Stands in for Microsoft.Extensions.AI.OpenAI, which
/// this environment cannot install, and covers only what the pipeline uses: text messages, temperature, output limit,
/// JSON-schema response format and token usage. Provider failures become <see cref="AiTransientException"/> or
/// <see cref="AiPermanentException"/>; the SDK's own retries are off because the pipeline owns retry policy.
/// </summary>
public sealed class OpenAiCompatibleChatClient : IChatClient
{
    private readonly ChatClient _client;
    private readonly ChatClientMetadata _metadata;
    private readonly TimeProvider _time;

    public OpenAiCompatibleChatClient(AiOptions options, TimeProvider? time = null)
    {
        var endpoint = new Uri(options.Endpoint ?? throw new ArgumentException("Ai:Endpoint is required.", nameof(options)));
        var clientOptions = new OpenAIClientOptions
        {
            Endpoint = endpoint,
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            NetworkTimeout = TimeSpan.FromSeconds(options.RequestTimeoutSeconds),
        };
        // Local servers ignore the key, but the SDK insists on one.
        var key = string.IsNullOrWhiteSpace(options.ApiKey) ? "no-key" : options.ApiKey;
        _client = new ChatClient(options.Model, new ApiKeyCredential(key), clientOptions);
        _metadata = new ChatClientMetadata(AiOptions.OpenAiProvider, endpoint, options.Model);
        _time = time ?? TimeProvider.System;
    }

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<AiChatMessage> messages, ChatOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        var sdkMessages = ToSdkMessages(messages, options);
        var sdkOptions = ToSdkOptions(options);
        ChatCompletion completion;
        try
        {
            completion = (await _client.CompleteChatAsync(sdkMessages, sdkOptions, cancellationToken)).Value;
        }
        catch (Exception e) when (Translate(e, cancellationToken) is { } translated)
        {
            throw translated;
        }

        if (!string.IsNullOrEmpty(completion.Refusal))
            throw new AiPermanentException($"The model refused: {completion.Refusal}");

        var text = string.Concat(completion.Content.Where(part => part.Kind == ChatMessageContentPartKind.Text).Select(part => part.Text));
        return new ChatResponse(new AiChatMessage(ChatRole.Assistant, text))
        {
            ResponseId = completion.Id,
            ModelId = completion.Model,
            CreatedAt = completion.CreatedAt,
            FinishReason = ToFinishReason(completion.FinishReason),
            Usage = completion.Usage is { } usage
                ? new UsageDetails
                {
                    InputTokenCount = usage.InputTokenCount,
                    OutputTokenCount = usage.OutputTokenCount,
                    TotalTokenCount = usage.TotalTokenCount,
                }
                : null,
            RawRepresentation = completion,
        };
    }

    /// <summary>The pipeline never streams; a single update keeps the interface honest without a second code path.</summary>
    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<AiChatMessage> messages,
        ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var response = await GetResponseAsync(messages, options, cancellationToken);
        foreach (var update in response.ToChatResponseUpdates()) yield return update;
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is not null ? null
        : serviceType == typeof(ChatClientMetadata) ? _metadata
        : serviceType == typeof(ChatClient) ? _client
        : serviceType.IsInstanceOfType(this) ? this
        : null;

    public void Dispose()
    {
    }

    private static List<SdkChatMessage> ToSdkMessages(IEnumerable<AiChatMessage> messages, ChatOptions? options)
    {
        var result = new List<SdkChatMessage>();
        if (!string.IsNullOrWhiteSpace(options?.Instructions)) result.Add(new SystemChatMessage(options.Instructions));
        foreach (var message in messages)
        {
            var text = message.Text;
            if (message.Role == ChatRole.System) result.Add(new SystemChatMessage(text));
            else if (message.Role == ChatRole.User) result.Add(new UserChatMessage(text));
            else if (message.Role == ChatRole.Assistant) result.Add(new AssistantChatMessage(text));
            else throw new NotSupportedException($"Chat role '{message.Role}' is not supported by this adapter.");
        }
        return result;
    }

    private static ChatCompletionOptions ToSdkOptions(ChatOptions? options)
    {
        var result = new ChatCompletionOptions();
        if (options is null) return result;
        result.Temperature = options.Temperature;
        result.MaxOutputTokenCount = options.MaxOutputTokens;
        result.ResponseFormat = options.ResponseFormat switch
        {
            ChatResponseFormatJson { Schema: { } schema } json => SdkChatResponseFormat.CreateJsonSchemaFormat(
                json.SchemaName ?? "response", BinaryData.FromString(schema.GetRawText()), json.SchemaDescription,
                jsonSchemaIsStrict: true),
            ChatResponseFormatJson => SdkChatResponseFormat.CreateJsonObjectFormat(),
            ChatResponseFormatText => SdkChatResponseFormat.CreateTextFormat(),
            _ => null,
        };
        return result;
    }

    private static Microsoft.Extensions.AI.ChatFinishReason? ToFinishReason(OpenAI.Chat.ChatFinishReason reason) => reason switch
    {
        OpenAI.Chat.ChatFinishReason.Stop => Microsoft.Extensions.AI.ChatFinishReason.Stop,
        OpenAI.Chat.ChatFinishReason.Length => Microsoft.Extensions.AI.ChatFinishReason.Length,
        OpenAI.Chat.ChatFinishReason.ContentFilter => Microsoft.Extensions.AI.ChatFinishReason.ContentFilter,
        OpenAI.Chat.ChatFinishReason.ToolCalls or OpenAI.Chat.ChatFinishReason.FunctionCall => Microsoft.Extensions.AI.ChatFinishReason.ToolCalls,
        _ => null,
    };

    /// <summary>
    /// Sorts a provider failure into "worth retrying" and "will not pass". Null for the caller's own cancellation,
    /// which must surface as cancellation. Messages carry the status and the provider's error text, never the key.
    /// </summary>
    private Exception? Translate(Exception exception, CancellationToken cancellationToken)
    {
        switch (exception)
        {
            case OperationCanceledException when cancellationToken.IsCancellationRequested:
                return null;
            case OperationCanceledException or TimeoutException:
                return new AiTransientException("The AI provider did not answer within the request timeout.", inner: exception);
            case ClientResultException { Status: 429 } rateLimited:
                return new AiTransientException("The AI provider rate-limited the request (429).",
                    RetryAfterHeader.Read(rateLimited.GetRawResponse(), _time.GetUtcNow()), rateLimited);
            case ClientResultException { Status: 0 } network:
                return new AiTransientException($"The AI provider could not be reached: {network.Message}", inner: network);
            case ClientResultException { Status: 408 or 409 or >= 500 } server:
                return new AiTransientException($"The AI provider failed with {server.Status}.", inner: server);
            case ClientResultException client:
                return new AiPermanentException($"The AI provider refused the request with {client.Status}: {client.Message}", client);
            case HttpRequestException or IOException:
                return new AiTransientException($"The AI provider could not be reached: {exception.Message}", inner: exception);
            default:
                return null;
        }
    }
}
