using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Pipeline.Handlers.Ai;
using Pipeline.Handlers.Ai.Offline;

namespace Pipeline.Tests.Ai;

public sealed class Ai_configuration
{
    [Fact]
    public async Task Without_settings_the_offline_provider_answers()
    {
        await using var ai = await AiTestHost.StartAsync();

        Assert.IsType<OfflineChatClient>(ai.Provider);
        var options = ai.Services.GetRequiredService<IOptions<AiOptions>>().Value;
        Assert.Equal((8, 60, 2), (options.MaxConcurrency, options.RequestTimeoutSeconds, options.MaxRepairs));
    }

    [Fact]
    public async Task An_endpoint_alone_selects_the_openai_compatible_provider()
    {
        await using var ai = await AiTestHost.StartAsync(new Dictionary<string, string?> { ["Ai:Endpoint"] = "http://127.0.0.1:11434/v1", ["Ai:Model"] = "llama3.2" });

        Assert.NotNull(ai.Provider.GetService<OpenAI.Chat.ChatClient>());
        Assert.Equal(("openai", "llama3.2"), (ai.Provider.GetService<ChatClientMetadata>()!.ProviderName, ai.Provider.GetService<ChatClientMetadata>()!.DefaultModelId));
    }

    [Theory]
    [InlineData("openai", null, "Ai:Endpoint is required")]
    [InlineData("openai", "not a url", "absolute http(s) URL")]
    [InlineData("anthropic", null, "Ai:Provider must be")]
    public async Task Invalid_settings_stop_the_host_at_start(string provider, string? endpoint, string error)
    {
        var settings = new Dictionary<string, string?> { ["Ai:Provider"] = provider, ["Ai:Endpoint"] = endpoint };

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => AiTestHost.StartAsync(settings));

        Assert.Contains(error, failure.Message);
    }

    [Fact]
    public async Task A_chat_client_registered_first_is_kept_and_still_bounded()
    {
        var injected = new OfflineChatClient();
        await using var ai = await AiTestHost.StartAsync(new Dictionary<string, string?> { ["Ai:MaxConcurrency"] = "2" }, injected);

        Assert.Same(injected, ai.Provider);
        var limiter = ai.Chat.GetService<ConcurrencyLimitingChatClient>()!;
        Assert.Same(injected, limiter.GetService(typeof(OfflineChatClient)));
        Assert.Equal(2, limiter.MaxConcurrency);
    }

    [Theory]
    [InlineData("7", 7)]
    [InlineData("1.5", 1.5)]
    [InlineData("Wed, 21 Oct 2026 07:28:30 GMT", 30)]
    public void Retry_after_reads_seconds_and_http_dates(string header, double expectedSeconds)
    {
        var now = new DateTimeOffset(2026, 10, 21, 7, 28, 0, TimeSpan.Zero);

        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), RetryAfterHeader.Parse(header, now));
    }

    [Fact]
    public void Retry_after_ignores_what_it_cannot_read()
    {
        Assert.Null(RetryAfterHeader.Parse("soon", DateTimeOffset.UtcNow));
        Assert.Null(RetryAfterHeader.Parse(null, DateTimeOffset.UtcNow));
    }
}
