using Microsoft.Extensions.DependencyInjection;

namespace Pipeline.Domain.Voice;

public static class VoiceRegistration
{
    public static IServiceCollection AddVoiceData(this IServiceCollection services) => services.AddSingleton<VoiceAudioStore>();
}
