using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Pipeline.Edge.Api.Conversations;
using Pipeline.Edge.Api.LearningPaths;

namespace Pipeline.Tests.Fast.Configuration;

/// <summary>Edge.Api's settings of the generation wait and the conversation defaults refuse values out of range, through the features' own registrations.</summary>
public sealed class Edge_settings_validation
{
    [Theory]
    [InlineData("0")]
    [InlineData("3601")]
    public void A_structure_timeout_out_of_range_fails_validation(string seconds)
    {
        using var services = Services(new() { ["Pipeline:StructureTimeoutSeconds"] = seconds }, s => s.AddLearningPathGeneration());

        var failure = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<LearningPathGenerationOptions>>().Value);
        Assert.Contains(nameof(LearningPathGenerationOptions.StructureTimeoutSeconds), failure.Message);
    }

    [Fact]
    public void The_structure_timeout_defaults_to_90_seconds()
    {
        using var services = Services([], s => s.AddLearningPathGeneration());

        Assert.Equal(90, services.GetRequiredService<IOptions<LearningPathGenerationOptions>>().Value.StructureTimeoutSeconds);
    }

    [Theory]
    [InlineData("Temperature", "-0.1")]
    [InlineData("Temperature", "2.5")]
    [InlineData("MaxReplyTokens", "0")]
    [InlineData("MaxReplyTokens", "32001")]
    public void A_conversation_default_out_of_range_fails_validation(string setting, string value)
    {
        using var services = Services(new() { [$"Conversations:{setting}"] = value }, s => s.AddMassTransit(bus => bus.AddConversationReplies()));

        var failure = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<ConversationClientOptions>>().Value);
        Assert.Contains(setting, failure.Message);
    }

    [Fact]
    public void The_conversation_defaults_are_those_the_handlers_use()
    {
        using var services = Services([], s => s.AddMassTransit(bus => bus.AddConversationReplies()));

        var options = services.GetRequiredService<IOptions<ConversationClientOptions>>().Value;
        var handlers = new Pipeline.Handlers.Conversations.ConversationOptions();
        Assert.Equal((handlers.Temperature, handlers.MaxReplyTokens), (options.Temperature, options.MaxReplyTokens));
    }

    private static ServiceProvider Services(Dictionary<string, string?> settings, Action<IServiceCollection> register)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddLogging();
        register(services);
        return services.BuildServiceProvider();
    }
}
