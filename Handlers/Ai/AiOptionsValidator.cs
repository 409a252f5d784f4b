using Microsoft.Extensions.Options;

namespace Pipeline.Handlers.Ai;

/// <summary>Fails start-up on an AI configuration that could only fail later, on the first learning path.</summary>
public sealed class AiOptionsValidator : IValidateOptions<AiOptions>
{
    public ValidateOptionsResult Validate(string? name, AiOptions options)
    {
        var errors = new List<string>();
        var provider = options.EffectiveProvider;
        if (provider is not (AiOptions.OfflineProvider or AiOptions.OpenAiProvider))
            errors.Add($"Ai:Provider must be '{AiOptions.OfflineProvider}' or '{AiOptions.OpenAiProvider}', not '{options.Provider}'.");
        if (provider == AiOptions.OpenAiProvider)
        {
            if (string.IsNullOrWhiteSpace(options.Endpoint))
                errors.Add("Ai:Endpoint is required for the openai provider (e.g. https://api.openai.com/v1).");
            else if (!Uri.TryCreate(options.Endpoint, UriKind.Absolute, out var endpoint) || endpoint.Scheme is not ("http" or "https"))
                errors.Add("Ai:Endpoint must be an absolute http(s) URL.");
            if (string.IsNullOrWhiteSpace(options.Model))
                errors.Add("Ai:Model is required for the openai provider.");
        }
        if (options.MaxConcurrency is < 1 or > 1024) errors.Add("Ai:MaxConcurrency must be between 1 and 1024.");
        if (options.RequestTimeoutSeconds is < 1 or > 3600) errors.Add("Ai:RequestTimeoutSeconds must be between 1 and 3600.");
        if (options.MaxRepairs is < 0 or > 10) errors.Add("Ai:MaxRepairs must be between 0 and 10.");
        if (options.SimulatedLatencyMs is < 0 or > 600_000) errors.Add("Ai:SimulatedLatencyMs must be between 0 and 600000.");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
