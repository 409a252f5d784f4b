using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using Pipeline.Tests.Infrastructure;

namespace Pipeline.Tests.Voice;

/// <summary>
/// The whole system with offline speech (pocketsphinx, espeak-ng, ffmpeg) and voice limits scaled down: 512 KB per
/// upload, 10 s per utterance, <see cref="DailyVoiceSeconds"/> seconds of audio per user per day. Edge.Api listens on a
/// real port (WebSocket client, browser).
/// </summary>
public sealed class VoiceFixture : PipelineFixture
{
    public const int MaxUploadBytes = 512 * 1024;
    public const int MaxDurationSeconds = 10;
    public const int DailyVoiceSeconds = 5;

    public FileLoggerProvider ApiLog { get; } = new("voice-edge-api");

    protected override bool ListensOnRealPort => true;

    protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["Ai:Provider"] = "offline",
        ["Voice:MaxUploadBytes"] = MaxUploadBytes.ToString(),
        ["Voice:MaxDurationSeconds"] = MaxDurationSeconds.ToString(),
        ["LearnTrac:RateLimits:Voice:Limit"] = DailyVoiceSeconds.ToString(),
    };

    protected override void ConfigureApi(IWebHostBuilder web) => web.ConfigureLogging(logging => logging.AddProvider(ApiLog));

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        ApiLog.Dispose();
    }
}
