using System.Net;
using Pipeline.Tests.Fakes;
using Pipeline.Tests.Infrastructure;
using Pipeline.Tests.Ops;

namespace Pipeline.Tests.LearningPaths;

/// <summary>
/// A prompt the model finds no learning goal in is the user's error, final: the task fails with a message for the user,
/// the synchronous route keeps seed 000's 500, and operations see nothing (no retry, no error-queue message).
/// </summary>
[Collection(OpsCollection.Name)]
public sealed class A_prompt_without_a_learning_goal(OpsFixture fixture)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);
    private const string Gibberish = "asdfgh qwrtzp";

    [Fact]
    public async Task Fails_its_task_for_the_user_without_a_retry_or_a_failed_message()
    {
        fixture.Llm.Reset();
        // A second task whose extraction faults for good (the provider refuses it) goes through the same error queue
        // afterwards: once operations list it, anything the first tasks had put there would be listed too.
        fixture.Llm.Behaviour = r => r.SchemaName == "learning_goals" && r.Messages.Any(m => m.Content.Contains("barrier"))
            ? FakeChatReply.Unauthorized()
            : FakeChatReply.Valid();
        var admin = await fixture.SignUpAsync("admin");
        var learner = await fixture.SignUpAsync();

        var synchronous = await learner.Client.GenerateAsync(Gibberish);
        var background = await learner.Client.GenerateInBackgroundAsync(Gibberish);

        Assert.Equal(HttpStatusCode.InternalServerError, synchronous.StatusCode);
        Assert.Equal($"Failed to parse learning goals from prompt: {Gibberish}", (await synchronous.JsonAsync()).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.Accepted, background.StatusCode);
        var backgroundTask = (await background.JsonAsync()).GetProperty("task_id").GetString()!;
        var failed = await learner.Client.WaitForStatusAsync(backgroundTask, Deadline, "failed");
        Assert.Equal("extracting_goals", failed.GetProperty("stage").GetString());
        Assert.Equal($"Failed to parse learning goals from prompt: {Gibberish}", failed.GetProperty("error_details").GetString());
        Assert.Contains("No learning goal was found in the prompt", failed.GetProperty("result_message").GetString());
        var tasks = (await (await learner.Client.GetAsync("/api/tasks/users/me")).JsonAsync()).EnumerateArray().ToList();
        Assert.Equal(2, tasks.Count);
        Assert.All(tasks, t => Assert.Equal("failed", t.GetProperty("status").GetString()));
        // One model call per task: "no goal" is an answer, neither repaired nor retried.
        Assert.Equal(2, fixture.Llm.Requests.Count(r => r.SchemaName == "learning_goals"));

        var barrier = await learner.Client.GenerateInBackgroundAsync("I want to learn barrier knitting in 10 days");
        var barrierTask = (await barrier.JsonAsync()).GetProperty("task_id").GetString()!;
        await learner.Client.WaitForStatusAsync(barrierTask, Deadline, "failed");
        var barrierId = await fixture.CorrelationIdAsync(barrierTask);
        await Eventually.ReturnsAsync(() => admin.Client.FailedMessagesOfAsync("unresolved", barrierId),
            m => m.Count == 1, Deadline, "the barrier task's faulted extraction to be listed");

        var gibberishTasks = await Task.WhenAll(tasks.Select(t => fixture.CorrelationIdAsync(t.GetProperty("task_id").GetString()!)));
        Assert.Empty(await admin.Client.FailedMessagesOfAsync("unresolved", gibberishTasks));
        Assert.Empty(await admin.Client.FailedMessagesOfAsync("archived", gibberishTasks));
    }
}
