using System.Text.Json.Nodes;
using FastEndpoints;
using FluentValidation;
using MassTransit;
using Pipeline.Domain.Tracks;
using Pipeline.Edge.Api.Auth;
using Pipeline.Edge.Api.Errors;
using Pipeline.Edge.Api.RateLimits;
using Pipeline.Messages.Tracks;

namespace Pipeline.Edge.Api.AiSettings;

// Seed 001 /api/ai: AI settings (defaults, the caller's own) and the provider connection test.

public sealed class DefaultConfig(IConfiguration configuration) : EndpointWithoutRequest<AiConfigView>
{
    public override void Configure()
    {
        Get("/api/ai/default-config");
        Description(d => d.WithTags("AI"));
        Summary(s => s.Summary = "The deployment's AI settings every user starts from.");
    }

    public override Task HandleAsync(CancellationToken ct) => Send.OkAsync(AiConfigView.Defaults(configuration), ct);
}

public sealed class GetUserConfig(IConfiguration configuration, AiUserConfigStore configs) : EndpointWithoutRequest<AiConfigView>
{
    public override void Configure()
    {
        Get("/api/ai/user-config");
        Description(d => d.WithTags("AI"));
        Summary(s => s.Summary = "The caller's AI settings: the defaults with their own changes.");
    }

    public override async Task HandleAsync(CancellationToken ct) =>
        await Send.OkAsync(AiConfigView.Defaults(configuration).With(await configs.GetAsync(User.UserId(), ct)), ct);
}

public sealed class UpdateUserConfigRequest
{
    public double? Temperature { get; init; }
    public int? MaxTokens { get; init; }
    public string? Language { get; init; }
    public string? Tone { get; init; }
    public string? AnswerLength { get; init; }

    public sealed class Validator : Validator<UpdateUserConfigRequest>
    {
        public Validator()
        {
            RuleFor(r => r.Temperature).InclusiveBetween(0, 2).WithMessage("temperature must be between 0 and 2.");
            RuleFor(r => r.MaxTokens).InclusiveBetween(16, 32000).WithMessage("max_tokens must be between 16 and 32000.");
            RuleFor(r => r.Language).Matches("^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})?$").WithMessage("language must be a language code such as en, ru or pt-BR.");
            RuleFor(r => r.Tone).Must(t => t is null || AiConfigView.Tones.Contains(t))
                .WithMessage($"tone must be one of: {string.Join(", ", AiConfigView.Tones)}.");
            RuleFor(r => r.AnswerLength).Must(t => t is null || AiConfigView.AnswerLengths.Contains(t))
                .WithMessage($"answer_length must be one of: {string.Join(", ", AiConfigView.AnswerLengths)}.");
        }
    }
}

public sealed class UpdateUserConfig(IConfiguration configuration, AiUserConfigStore configs) : Endpoint<UpdateUserConfigRequest, AiConfigView>
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
        await Send.OkAsync(AiConfigView.Defaults(configuration).With(await configs.MergeAsync(User.UserId(), changes, ct)), ct);
    }
}

public sealed record ConnectionTestResponse(bool Success, string Provider, string Model, double LatencyMs, string? Error);

public sealed class TestConnection(IRequestClient<TestAiConnection> client) : EndpointWithoutRequest<ConnectionTestResponse>
{
    public override void Configure()
    {
        Post("/api/ai/test-connection");
        PreProcessor<AiRateLimit<EmptyRequest>>();
        Description(d => d.WithTags("AI"));
        Summary(s => s.Summary = "Whether the configured AI provider answers: provider, model, latency, or the error (never a key).");
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        try
        {
            var response = await client.GetResponse<AiConnectionTested>(new TestAiConnection(User.UserId()), ct, RequestTimeout.After(s: 30));
            var m = response.Message;
            await Send.OkAsync(new ConnectionTestResponse(m.Success, m.Provider, m.Model, m.LatencyMs, m.Error), ct);
        }
        catch (RequestTimeoutException)
        {
            throw new ApiException(StatusCodes.Status504GatewayTimeout, "The AI workers did not answer within 30 s.");
        }
    }
}
