using System.Text.Json;
using Microsoft.Extensions.AI;
using Pipeline.Domain.Conversations;
using Pipeline.Handlers.Ai;

namespace Pipeline.Handlers.Conversations;

/// <summary>
/// Which conversation kinds ask the model for structured output, and how their answer is read. Seed 003's tutoring chat
/// asks for <see cref="TutorAnswer"/> (schema from the record, as every operation's: <see cref="AiSchemaRules"/>): the
/// prose streams to the learner as it arrives (<see cref="JsonStringFieldStream"/>), the code examples and follow-up
/// questions are stored beside it (<see cref="ConversationStore.SaveStructureAsync"/>).
/// </summary>
public static class StructuredReplies
{
    public const int MaxMessageLength = 16_000;
    public const int MaxCodeExamples = 5;
    public const int MaxCodeLength = 8_000;
    public const int MaxFollowUps = 3;
    public const int MaxFollowUpLength = 200;

    public static readonly JsonElement TutorSchema = new AiSchemaRules()
        .Text<TutorAnswer>(nameof(TutorAnswer.Message), MaxMessageLength,
            "The answer in Markdown prose: explanation and guiding questions, without the code examples and follow-up questions below.")
        .Items<TutorAnswer>(nameof(TutorAnswer.CodeExamples), 0, MaxCodeExamples,
            "Code that illustrates the answer, when code helps or the learner asked for it; otherwise empty.")
        .TextItems<TutorAnswer>(nameof(TutorAnswer.FollowUpQuestions), 0, MaxFollowUps, MaxFollowUpLength,
            "Up to three short questions the learner could ask next, each ending with '?'.")
        .Text<ReplyCodeExample>(nameof(ReplyCodeExample.Language), 40, "The code's language, e.g. python.")
        .Text<ReplyCodeExample>(nameof(ReplyCodeExample.Title), 120, "A short title.")
        .Text<ReplyCodeExample>(nameof(ReplyCodeExample.Code), MaxCodeLength, "The code alone, no Markdown fence.")
        .CreateSchema<TutorAnswer>();

    private static readonly ChatResponseFormat TutorFormat = ChatResponseFormat.ForJsonSchema(TutorSchema, AiSchemaNames.TutorReply,
        "A tutoring chat reply: prose, code examples and follow-up questions.");

    /// <summary>The response format a conversation's replies are asked in; null: prose.</summary>
    public static ChatResponseFormat? FormatFor(Conversation conversation) =>
        conversation.Kind == ConversationKinds.Tutoring ? TutorFormat : null;

    /// <summary>
    /// Asks for the conversation's structured output, if its kind has one. As <see cref="LearningContentGenerator"/> does,
    /// OpenAI-compatible providers get the schema as written, in strict mode (the adapter's own strict conversion would
    /// move the bounds into descriptions); other clients read <see cref="ChatOptions.ResponseFormat"/>.
    /// </summary>
    public static ChatOptions Apply(ChatOptions options, Conversation conversation)
    {
        if (FormatFor(conversation) is not ChatResponseFormatJson format) return options;
        options.ResponseFormat = format;
        options.RawRepresentationFactory = _ => new OpenAI.Chat.ChatCompletionOptions
        {
            ResponseFormat = OpenAI.Chat.ChatResponseFormat.CreateJsonSchemaFormat(format.SchemaName,
                BinaryData.FromString(TutorSchema.GetRawText()), jsonSchemaIsStrict: true),
        };
        return options;
    }

    /// <summary>The structured answer, or null when <paramref name="text"/> is not one (a model that ignored the format).</summary>
    public static TutorAnswer? Read(string text)
    {
        try
        {
            var answer = JsonSerializer.Deserialize<TutorAnswer>(AiWireJson.StripCodeFence(text), AiWireJson.Options);
            if (answer is null || string.IsNullOrWhiteSpace(answer.Message)) return null;
            return answer with
            {
                CodeExamples = (answer.CodeExamples ?? []).Where(c => c is not null && !string.IsNullOrWhiteSpace(c.Code)).Take(MaxCodeExamples)
                    .Select(c => new ReplyCodeExample(string.IsNullOrWhiteSpace(c.Language) ? "text" : c.Language.Trim(),
                        string.IsNullOrWhiteSpace(c.Title) ? "Example" : c.Title.Trim(), c.Code.TrimEnd())).ToList(),
                FollowUpQuestions = (answer.FollowUpQuestions ?? []).Where(q => !string.IsNullOrWhiteSpace(q)).Select(q => q.Trim()).Take(MaxFollowUps).ToList(),
            };
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
