using MassTransit;
using Microsoft.Extensions.Options;
using Pipeline.Handlers.Ai;

namespace Pipeline.Handlers.Voice;

public static class VoiceWorkersRegistration
{
    /// <summary>The speech workers (queues transcribe-speech and synthesize-speech) and the engine they use: OpenAI's audio
    /// endpoints when the provider is openai, otherwise pocketsphinx and espeak-ng.</summary>
    public static IBusRegistrationConfigurator AddVoiceWorkers(this IBusRegistrationConfigurator bus)
    {
        bus.AddOptions<SpeechOptions>().BindConfiguration(SpeechOptions.Section).ValidateDataAnnotations()
            .Validate(o => o.Provider is null or "" or "offline" or "openai", "Speech:Provider is offline or openai (unset: the Ai provider's).")
            .ValidateOnStart();
        bus.AddSingleton<AudioDecoder>();
        bus.AddSingleton<ISpeechEngine>(services =>
        {
            var speech = services.GetRequiredService<IOptions<SpeechOptions>>().Value;
            var provider = string.IsNullOrWhiteSpace(speech.Provider)
                ? services.GetRequiredService<IOptions<AiOptions>>().Value.EffectiveProvider
                : speech.Provider;
            return provider == AiOptions.OpenAiProvider
                ? ActivatorUtilities.CreateInstance<OpenAiSpeechEngine>(services)
                : ActivatorUtilities.CreateInstance<OfflineSpeechEngine>(services);
        });
        bus.AddConsumer<TranscribeSpeechConsumer, TranscribeSpeechConsumerDefinition>();
        bus.AddConsumer<SynthesizeSpeechConsumer, SynthesizeSpeechConsumerDefinition>();
        return bus;
    }
}
