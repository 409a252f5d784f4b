namespace Pipeline.Handlers.Ai;

/// <summary>
/// How the workers reach a language model, bound from the <c>Ai</c> section (environment: <c>Ai__Endpoint</c>, ...).
/// Without a provider or an endpoint the offline provider answers, so a fresh checkout runs with no key and no network.
/// </summary>
public sealed class AiOptions
{
    public const string SectionName = "Ai";
    public const string OfflineProvider = "offline";
    public const string OpenAiProvider = "openai";

    /// <summary><c>offline</c> or <c>openai</c> (any OpenAI-compatible endpoint). Unset: <c>openai</c> when an
    /// <see cref="Endpoint"/> is configured, otherwise <c>offline</c>.</summary>
    public string? Provider { get; set; }

    /// <summary>Base URL of an OpenAI-compatible API: https://api.openai.com/v1, Azure OpenAI's
    /// https://NAME.openai.azure.com/openai/v1, Ollama's http://127.0.0.1:11434/v1, a vLLM or LM Studio server.</summary>
    public string? Endpoint { get; set; }

    /// <summary>Sent as a bearer token. Local servers (Ollama, vLLM) accept any value, so it may stay empty.</summary>
    public string? ApiKey { get; set; }

    public string Model { get; set; } = "gpt-4o-mini";

    /// <summary>LLM calls in flight at once in this process; more wait. Keeps a burst of card fan-out from tripping the
    /// provider's rate limit and from exhausting local resources.</summary>
    public int MaxConcurrency { get; set; } = 8;

    public int RequestTimeoutSeconds { get; set; } = 60;

    /// <summary>How many times invalid model output is sent back with its validation errors before the operation fails.</summary>
    public int MaxRepairs { get; set; } = 2;

    /// <summary>Offline provider only: how long each call waits before it answers (cancellably), so benchmarks and
    /// demos can stand in for a real model's latency. 0 (the default) answers at once.</summary>
    public int SimulatedLatencyMs { get; set; }

    public string EffectiveProvider =>
        string.IsNullOrWhiteSpace(Provider)
            ? string.IsNullOrWhiteSpace(Endpoint) ? OfflineProvider : OpenAiProvider
            : Provider.Trim().ToLowerInvariant();
}
