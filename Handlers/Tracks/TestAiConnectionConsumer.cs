using System.Diagnostics;
using MassTransit;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using Pipeline.Handlers.Ai;
using Pipeline.Messages.Tracks;

namespace Pipeline.Handlers.Tracks;

/// <summary>Asks the configured provider a one-word question and reports whether and how fast it answered; a key that
/// appears in an error message is masked.</summary>
public sealed class TestAiConnectionConsumer(ConcurrencyLimitingChatClient chat, IOptions<AiOptions> options) : IConsumer<TestAiConnection>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    public async Task Consume(ConsumeContext<TestAiConnection> context)
    {
        var settings = options.Value;
        var metadata = chat.GetService<ChatClientMetadata>();
        var provider = metadata?.ProviderName ?? settings.EffectiveProvider;
        var model = metadata?.DefaultModelId ?? settings.Model;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken);
        timeout.CancelAfter(Timeout);
        var clock = Stopwatch.StartNew();
        string? error = null;
        try
        {
            await chat.GetResponseAsync([new ChatMessage(ChatRole.User, "Reply with the single word OK.")],
                new ChatOptions { MaxOutputTokens = 5 }, timeout.Token);
        }
        catch (OperationCanceledException) when (!context.CancellationToken.IsCancellationRequested)
        {
            error = $"The provider did not answer within {Timeout.TotalSeconds:0} s.";
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            error = string.IsNullOrEmpty(settings.ApiKey) ? e.Message : e.Message.Replace(settings.ApiKey, "***", StringComparison.Ordinal);
        }
        await context.RespondAsync(new AiConnectionTested(error is null, provider, model, Math.Round(clock.Elapsed.TotalMilliseconds, 1), error));
    }
}
