using System.Text.Json.Nodes;
using FastEndpoints;
using Microsoft.Extensions.Options;
using Pipeline.Domain.Tracks;
using Pipeline.Edge.Api.Auth;
using Pipeline.Edge.Api.Errors;
using Pipeline.Edge.Api.Conversations;

namespace Pipeline.Edge.Api.AiSettings;

/// <summary>Seed 001 <c>PUT /api/ai/user-config</c>: Changes the caller's AI settings (temperature, max_tokens, language, tone, answer_length); the reply </summary>
public sealed class UpdateUserConfig(IConfiguration configuration, IOptions<ConversationClientOptions> conversations, AiUserConfigStore configs) : Endpoint<UpdateUserConfigRequest, AiConfigView>
{
    public override void Configure()
    {
        Put("/api/ai/user-config");
        Description(d => d.WithTags("AI"));
        Summary(s => s.Summary = "Changes the caller's AI settings (temperature, max_tokens, language, tone, answer_length); the reply "
            + "worker uses them for the caller's conversations. Provider and model are the deployment's.");
    }

    public override async Task HandleAsync(UpdateUserConfigRequest r, CancellationToken ct)
    {
        var changes = new JsonObject();
        if (r.Temperature is { } temperature) changes["temperature"] = temperature;
        if (r.MaxTokens is { } maxTokens) changes["max_tokens"] = maxTokens;
        if (r.Language is { } language) changes["language"] = language;
        if (r.Tone is { } tone) changes["tone"] = tone;
        if (r.AnswerLength is { } length) changes["answer_length"] = length;
        if (changes.Count == 0) throw ApiException.BadRequest("Nothing to change: give temperature, max_tokens, language, tone or answer_length.");
        await Send.OkAsync(AiConfigView.Defaults(configuration, conversations.Value).With(await configs.MergeAsync(User.UserId(), changes, ct)), ct);
    }
}
