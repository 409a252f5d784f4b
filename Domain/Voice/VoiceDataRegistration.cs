using Microsoft.Extensions.DependencyInjection;

namespace Pipeline.Domain.Voice;

public static class VoiceDataRegistration
{
    public static IServiceCollection AddVoiceData(this IServiceCollection services) => services.AddSingleton<VoiceAudioStore>();
}
