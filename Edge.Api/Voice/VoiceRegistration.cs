using MassTransit;
using Pipeline.Messages;
using Pipeline.Messages.Voice;

namespace Pipeline.Edge.Api.Voice;

public static class VoiceRegistration
{
    /// <summary>Voice tutoring's options, <see cref="VoiceTutor"/> and the request clients of the speech workers.</summary>
    public static IBusRegistrationConfigurator AddVoiceTutoring(this IBusRegistrationConfigurator bus)
    {
        bus.AddOptions<VoiceOptions>().BindConfiguration(VoiceOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        bus.AddScoped<VoiceTutor>();
        bus.AddRequestClient<TranscribeSpeech>(QueueNames.Address(QueueNames.TranscribeSpeech));
        bus.AddRequestClient<SynthesizeSpeech>(QueueNames.Address(QueueNames.SynthesizeSpeech));
        return bus;
    }
}
