using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Pipeline.Messages.Content;
using Pipeline.Messages.LearningPaths;
using Pipeline.Messages.Stages;
using Pipeline.Sagas.LearningPaths;

namespace Pipeline.Tests.Fast.Sagas;

/// <summary>
/// The learning-path saga on MassTransit's in-memory test harness: the in-memory saga repository and the in-memory
/// transport's delayed scheduler stand in for PostgreSQL and the Postgres scheduler queue.
/// </summary>
public sealed class SagaInMemory : IAsyncDisposable
{
    private readonly ServiceProvider _provider;

    private SagaInMemory(ServiceProvider provider, ITestHarness harness)
    {
        _provider = provider;
        Harness = harness;
        Saga = harness.GetSagaStateMachineHarness<LearningPathStateMachine, LearningPathState>();
    }

    public ITestHarness Harness { get; }

    public ISagaStateMachineTestHarness<LearningPathStateMachine, LearningPathState> Saga { get; }

    public LearningPathStateMachine Machine => Saga.StateMachine;

    public static async Task<SagaInMemory> StartAsync(LearningPathOptions? options = null, Action<IBusRegistrationConfigurator>? configure = null)
    {
        var provider = new ServiceCollection()
            .AddSingleton(Options.Create(options ?? new LearningPathOptions { CardsPerSection = 3 }))
            .AddMassTransitTestHarness(x =>
            {
                x.SetTestTimeouts(testTimeout: TimeSpan.FromSeconds(15), testInactivityTimeout: TimeSpan.FromSeconds(1));
                x.AddDelayedMessageScheduler();
                x.AddSagaStateMachine<LearningPathStateMachine, LearningPathState>(typeof(LearningPathStateDefinition));
                configure?.Invoke(x);
                x.UsingInMemory((context, bus) =>
                {
                    bus.UseDelayedMessageScheduler();
                    bus.ConfigureEndpoints(context);
                });
            })
            .BuildServiceProvider(true);
        var harness = provider.GetTestHarness();
        await harness.Start();
        return new SagaInMemory(provider, harness);
    }

    /// <summary>Waits until the task is in <paramref name="state"/> and returns its instance.</summary>
    public async Task<LearningPathState> InStateAsync(Guid taskId, Func<LearningPathStateMachine, State> state, TimeSpan? timeout = null)
    {
        var found = await Saga.Exists(taskId, state, timeout ?? TimeSpan.FromSeconds(10));
        Assert.True(found.HasValue, $"task {taskId} never reached {state(Machine).Name}; it is in {Describe(taskId)}");
        return Saga.Sagas.Contains(taskId);
    }

    /// <summary>How many <typeparamref name="T"/> the saga sent for the task (after the harness saw them).</summary>
    public async Task<int> SentCountAsync<T>(Guid taskId, Func<T, Guid> task, int atLeast, TimeSpan? timeout = null) where T : class
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        int count;
        while ((count = Harness.Sent.Select<T>().Count(m => task(m.Context.Message) == taskId)) < atLeast && DateTime.UtcNow < deadline)
            await Task.Delay(20);
        return count;
    }

    private string Describe(Guid taskId) => Saga.Sagas.Contains(taskId)?.CurrentState ?? "no instance";

    public async ValueTask DisposeAsync()
    {
        await Harness.Stop();
        await _provider.DisposeAsync();
    }

    public static LlmUsage Usage(long tokens) => new("offline", "offline-1", tokens, tokens, 1);

    public static LearningGoals Goals => new(["chess openings", "endgames"], "beginner", 10);

    public static PlannedPath Plan => new("Chess in 10 days", "From rules to endgames",
        [new PlannedCourse("Openings", "First moves", [new PlannedSection("Italian game", ["e4", "Bc4"]), new PlannedSection("Sicilian", ["c5"])])]);

    public static IReadOnlyList<SavedSection> Sections(params long[] ids) =>
        ids.Select(id => new SavedSection(id, "Openings", $"Section {id}", ["e4"])).ToList();

    /// <summary>Publishes what each stage answers, in order, up to (not including) the card stage.</summary>
    public async Task ReachCardsAsync(Guid taskId, long userId, params long[] sectionIds)
    {
        await Harness.Bus.Publish(new GenerateLearningPath(taskId, userId, "Learn chess in 10 days"));
        await InStateAsync(taskId, m => m.ExtractingGoals);
        await Harness.Bus.Publish(new LearningGoalsExtracted(taskId, Goals, Usage(10)));
        await InStateAsync(taskId, m => m.PlanningStructure);
        await Harness.Bus.Publish(new LearningPathPlanned(taskId, Plan, Usage(20)));
        await InStateAsync(taskId, m => m.SavingStructure);
        await Harness.Bus.Publish(new LearningPathSaved(taskId, 900, Sections(sectionIds)));
    }
}
