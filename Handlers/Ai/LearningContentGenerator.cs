using System.Text.Json;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ChatCompletionOptions = OpenAI.Chat.ChatCompletionOptions;
using Pipeline.Messages.Content;

namespace Pipeline.Handlers.Ai;

/// <summary>
/// The learning-path operations over any <see cref="IChatClient"/>: each is one structured-output call whose answer is
/// parsed and validated; invalid answers go back to the model with the errors, up to <see cref="AiOptions.MaxRepairs"/>
/// times. Model output is data: it is only ever deserialized into content records, never executed or used as SQL or URLs.
/// </summary>
public sealed class LearningContentGenerator : ILearningContentGenerator
{
    // Repair messages quote the invalid answer back; a runaway answer is cut so a repair does not cost a fortune.
    private const int MaxQuotedAnswerLength = 8000;

    private readonly IChatClient _chat;
    private readonly AiOptions _options;
    private readonly ILogger<LearningContentGenerator> _logger;
    private readonly string _provider;
    private readonly string _model;

    public LearningContentGenerator(IChatClient chat, IOptions<AiOptions> options, ILogger<LearningContentGenerator> logger)
    {
        _chat = chat;
        _options = options.Value;
        _logger = logger;
        var metadata = chat.GetService<ChatClientMetadata>();
        _provider = metadata?.ProviderName ?? _options.EffectiveProvider;
        _model = metadata?.DefaultModelId ?? _options.Model;
    }

    public async Task<AiResult<LearningGoals>> ExtractGoalsAsync(string prompt, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(prompt);
        var operation = new ExtractGoalsOperation(prompt);
        var result = await RunAsync(operation, cancellationToken);
        // "Nothing to learn here" is an answer, not a malformed one: repairing it would only cost calls.
        if (result.Value.Interests.Count == 0)
            throw new AiPermanentException(operation.NoGoalMessage) { Usage = result.Usage, IsUserError = true };
        return result;
    }

    public Task<AiResult<PlannedPath>> PlanPathAsync(string prompt, LearningGoals goals, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(goals);
        return RunAsync(new PlanPathOperation(prompt, goals), cancellationToken);
    }

    public Task<AiResult<IReadOnlyList<CardContent>>> GenerateCardsAsync(SectionCardRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentOutOfRangeException.ThrowIfLessThan(request.CardCount, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(request.CardCount, LearningContentLimits.MaxCardsPerSection);
        return RunAsync(new GenerateCardsOperation(request), cancellationToken);
    }

    /// <summary>Runs any structured-output operation through the call-validate-repair loop (seed 001 plans and lessons too).</summary>
    public async Task<AiResult<T>> RunAsync<TAnswer, T>(AiOperation<TAnswer, T> operation, CancellationToken cancellationToken)
        where TAnswer : class
    {
        var messages = new List<ChatMessage>
        {
            new(ChatRole.System, operation.Instructions),
            new(ChatRole.User, JsonSerializer.Serialize(operation.Input, AiWireJson.Options)),
        };
        var chatOptions = new ChatOptions
        {
            Temperature = operation.Temperature,
            MaxOutputTokens = operation.MaxOutputTokens,
            ResponseFormat = ChatResponseFormat.ForJsonSchema(operation.Schema, operation.SchemaName),
            // OpenAI-compatible providers get the schema as written, in strict mode. Microsoft.Extensions.AI.OpenAI's own
            // strict conversion would move minItems, maxItems, minLength, maxLength, pattern, minimum and maximum into the
            // description, and a server that decodes by the schema would then answer what the validator rejects.
            // Other clients ignore this factory.
            RawRepresentationFactory = _ => new ChatCompletionOptions
            {
                ResponseFormat = OpenAI.Chat.ChatResponseFormat.CreateJsonSchemaFormat(operation.SchemaName,
                    BinaryData.FromString(operation.Schema.GetRawText()), jsonSchemaIsStrict: true),
            },
        };

        long promptTokens = 0, completionTokens = 0;
        var calls = 0;
        for (var repairs = 0; ; repairs++)
        {
            var response = await _chat.GetResponseAsync(messages, chatOptions, cancellationToken);
            calls++;
            promptTokens += response.Usage?.InputTokenCount ?? 0;
            completionTokens += response.Usage?.OutputTokenCount ?? 0;

            var output = operation.Read(response.Text);
            if (output.IsValid)
                return new AiResult<T>(output.Value!, new AiUsage(_provider, _model, promptTokens, completionTokens, calls));

            // Log the errors, never the content: prompts and answers are the learner's data.
            _logger.LogWarning("AI answer for {Schema} invalid (attempt {Attempt}): {Errors}",
                operation.SchemaName, calls, string.Join(" ", output.Errors));
            if (repairs >= _options.MaxRepairs)
                throw new AiPermanentException(operation.DescribeFailure(repairs, output.Errors))
                {
                    Usage = new AiUsage(_provider, _model, promptTokens, completionTokens, calls),
                };

            var answer = response.Text ?? "";
            messages.Add(new ChatMessage(ChatRole.Assistant, answer.Length > MaxQuotedAnswerLength ? answer[..MaxQuotedAnswerLength] : answer));
            messages.Add(new ChatMessage(ChatRole.User,
                "Your answer did not pass validation:\n- " + string.Join("\n- ", output.Errors) +
                $"\nReply again with the complete corrected JSON object for the schema '{operation.SchemaName}', and nothing else."));
        }
    }
}
