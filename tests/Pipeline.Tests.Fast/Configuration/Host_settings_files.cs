using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Pipeline.ServiceDefaults.Redis;
using Pipeline.ServiceDefaults.Messaging;
using Pipeline.Operations;
using Pipeline.Domain.Webhooks;
using Pipeline.Edge.Api.Auth;
using Pipeline.Edge.Api.Conversations;
using Pipeline.Edge.Api.CoursePlanning;
using Pipeline.Edge.Api.RateLimits;
using Pipeline.Edge.Api.Tasks.Retry;
using Pipeline.Handlers.Ai;
using Pipeline.Handlers.Analytics;
using Pipeline.Handlers.Conversations;
using Pipeline.Handlers.Recovery;
using Pipeline.Handlers.Resources;
using Pipeline.Handlers.Scheduling;
using Pipeline.Handlers.Stages;
using Pipeline.Handlers.Trac;

namespace Pipeline.Tests.Fast.Configuration;

/// <summary>Each host's appsettings.json lists its settings with the defaults the options classes have in code.</summary>
public sealed class Host_settings_files
{
    public static TheoryData<string, string, Type> Sections => new()
    {
        { "Edge.Api", RabbitMqOptions.Section, typeof(RabbitMqOptions) },
        { "Edge.Api", RedisOptions.Section, typeof(RedisOptions) },
        { "Edge.Api", OperationsOptions.Section, typeof(OperationsOptions) },
        { "Edge.Api", WebhookOptions.Section, typeof(WebhookOptions) },
        { "Edge.Api", AuthOptions.Section, typeof(AuthOptions) },
        { "Edge.Api", CoursePlanningOptions.Section, typeof(CoursePlanningOptions) },
        { "Edge.Api", ConversationClientOptions.Section, typeof(ConversationClientOptions) },
        { "Edge.Api", Pipeline.Edge.Api.LearningPaths.LearningPathGenerationOptions.Section, typeof(Pipeline.Edge.Api.LearningPaths.LearningPathGenerationOptions) },
        { "Edge.Api", AiRateLimitOptions.Section, typeof(AiRateLimitOptions) },
        { "Edge.Api", TaskRetryOptions.Section, typeof(TaskRetryOptions) },
        { "Edge.Api", LearnTracRateLimitOptions.Section, typeof(LearnTracRateLimitOptions) },
        { "Edge.Api", ClientAddressLimitOptions.Section, typeof(ClientAddressLimitOptions) },
        { "Edge.Api", Pipeline.Edge.Api.Realtime.StreamOptions.Section, typeof(Pipeline.Edge.Api.Realtime.StreamOptions) },
        { "Edge.Api", Pipeline.Edge.Api.Voice.VoiceOptions.Section, typeof(Pipeline.Edge.Api.Voice.VoiceOptions) },
        { "Handlers", RabbitMqOptions.Section, typeof(RabbitMqOptions) },
        { "Handlers", RedisOptions.Section, typeof(RedisOptions) },
        { "Handlers", OperationsOptions.Section, typeof(OperationsOptions) },
        { "Handlers", WebhookOptions.Section, typeof(WebhookOptions) },
        { "Handlers", AiOptions.SectionName, typeof(AiOptions) },
        { "Handlers", Pipeline.Sagas.LearningPaths.LearningPathOptions.Section, typeof(Pipeline.Sagas.LearningPaths.LearningPathOptions) },
        { "Handlers", StageRetryOptions.Section, typeof(StageRetryOptions) },
        { "Handlers", RecoveryOptions.Section, typeof(RecoveryOptions) },
        { "Handlers", SchedulerOptions.Section, typeof(SchedulerOptions) },
        { "Handlers", ConversationOptions.Section, typeof(ConversationOptions) },
        { "Handlers", ExportOptions.Section, typeof(ExportOptions) },
        { "Handlers", TracOptions.Section, typeof(TracOptions) },
        { "Handlers", ResourceOptions.Section, typeof(ResourceOptions) },
        { "Handlers", Pipeline.Handlers.Voice.SpeechOptions.Section, typeof(Pipeline.Handlers.Voice.SpeechOptions) },
        { "Handlers", Pipeline.Handlers.Guests.GuestAccountOptions.Section, typeof(Pipeline.Handlers.Guests.GuestAccountOptions) },
    };

    [Theory]
    [MemberData(nameof(Sections))]
    public void A_section_lists_every_setting_with_its_default_from_code(string host, string section, Type options)
    {
        var file = SettingsFile(host);
        var configuration = new ConfigurationBuilder().AddJsonFile(file, optional: false).Build();
        var fromFile = configuration.GetSection(section).Get(options) ?? Activator.CreateInstance(options)!;

        Assert.Equal(JsonSerializer.Serialize(Activator.CreateInstance(options), options), JsonSerializer.Serialize(fromFile, options));
        // Every property with a default is written in the file (null ones are comments there; an empty list binds from
        // "[]" without creating a key, so it cannot be checked this way).
        var defaults = Activator.CreateInstance(options);
        foreach (var property in options.GetProperties().Where(p => p.CanWrite && p.GetValue(defaults) is not (null or System.Collections.ICollection { Count: 0 })))
            Assert.True(configuration.GetSection(section).GetSection(property.Name).Exists(), $"{host}/appsettings.json lacks {section}:{property.Name}");
    }

    private static string SettingsFile(string host)
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            if (File.Exists(Path.Combine(folder.FullName, "Pipeline.sln")))
                return Path.Combine(folder.FullName, host, host == "Edge.Api" ? "appsettings.defaults.json" : "appsettings.json");
        throw new InvalidOperationException("Pipeline.sln not found above " + AppContext.BaseDirectory);
    }
}
