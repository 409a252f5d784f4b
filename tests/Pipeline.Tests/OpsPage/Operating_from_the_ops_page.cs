using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Pipeline.Tests.Fakes;
using Pipeline.Tests.Infrastructure;
using Pipeline.Tests.LearningPaths;
using Pipeline.Tests.Ops;
using static Microsoft.Playwright.Assertions;

namespace Pipeline.Tests.OpsPage;

/// <summary>
/// The page Edge.Api serves at /ops (Edge.Api/wwwroot/ops), driven in headless chromium against the real system: an
/// admin signs in, sees a group of failed messages, retries it, and the page follows.
/// </summary>
[Collection(OpsPageCollection.Name)]
public sealed class Operating_from_the_ops_page(OpsPageFixture fixture)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);
    // Generous: failing, redelivering and ingesting on a loaded CI machine, not the expected time (a few seconds).
    private static readonly LocatorAssertionsToBeVisibleOptions UntilIngested = new() { Timeout = 90_000 };

    [Fact]
    public async Task Retrying_a_failed_group_empties_it_and_completes_the_task()
    {
        fixture.FailCardGeneration();
        var admin = await fixture.SignUpAsync("admin");
        var learner = await fixture.SignUpAsync();
        var generated = await (await learner.Client.GenerateAsync("I want to learn pottery in 12 days")).JsonAsync();
        var taskId = generated.GetProperty("task_id").GetString()!;
        var sections = generated.SectionCount();

        await using var browser = await BrowserSession.StartAsync(fixture.BaseAddress);
        var page = browser.Page;
        await page.GotoAsync("/ops");
        await SignInAsync(page, admin);
        await Expect(page.Locator("#signed-in-as")).ToHaveTextAsync(admin.Email);

        // Every section's card message ends in the error queue, is ingested and shows as one group: the page polls.
        var group = page.Locator("#failed-groups tr").Filter(new() { HasText = OpsApi.CardsMessageType });
        await Expect(group).ToBeVisibleAsync(UntilIngested);
        await Expect(group.Locator("td.count")).ToHaveTextAsync(sections.ToString(), new() { Timeout = 90_000 });
        await Expect(group.Locator("td.message-type")).ToHaveTextAsync(OpsApi.CardsMessageType);
        await Expect(group.Locator("td.exception-type")).ToHaveTextAsync("System.ClientModel.ClientResultException");
        await Expect(group).ToContainTextAsync("generating_cards");
        await Expect(page.Locator("#failed-groups tr")).ToHaveCountAsync(1);
        var failed = await learner.Client.WaitForStatusAsync(taskId, Deadline, "failed");
        Assert.Equal("generating_cards", failed.GetProperty("stage").GetString());

        // The endpoints panel: the fixture's Handlers host beats and is shown up.
        var handlersUp = page.Locator("#endpoints tr")
            .Filter(new() { Has = page.Locator("td.endpoint", new() { HasTextRegex = new Regex("^handlers$") }) })
            .Filter(new() { Has = page.Locator("td.up") });
        await Expect(handlersUp.First).ToBeVisibleAsync();

        // The screen an operator meets, for docs/ops.png (README): produced here, committed by hand when the page changes.
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "ops.png"), FullPage = true });

        fixture.Llm.Behaviour = _ => FakeChatReply.Valid();
        await group.GetByRole(AriaRole.Button, new() { Name = $"Retry {sections} message(s)" }).ClickAsync();

        // The page re-reads the list after the action: the group is gone without a reload or a manual refresh.
        await Expect(group).ToHaveCountAsync(0, new() { Timeout = 10_000 });
        await Expect(page.Locator("#failed-groups")).ToContainTextAsync("No unresolved failed messages.");
        await Expect(page.Locator("#failed-total")).ToHaveTextAsync("0 group(s)");
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"Retried {sections} message(s)");

        var completed = await learner.Client.WaitForStatusAsync(taskId, Deadline, "completed");
        Assert.Equal(100, completed.GetProperty("progress").GetDouble());
        // Nothing failed again: the group stays empty on the next polls too.
        var correlationId = await fixture.CorrelationIdAsync(taskId);
        Assert.Empty(await admin.Client.FailedMessagesOfAsync("unresolved", correlationId));
        Assert.Equal(sections, (await admin.Client.FailedMessagesOfAsync("retried", correlationId)).Count);
        await Expect(page.Locator("#failed-total")).ToHaveTextAsync("0 group(s)");
        browser.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task A_non_admin_who_signs_in_is_told_the_page_is_for_admins_only()
    {
        var student = await fixture.SignUpAsync();
        await using var browser = await BrowserSession.StartAsync(fixture.BaseAddress);
        var page = browser.Page;
        var opsCalls = 0;
        page.Request += (_, request) => { if (request.Url.Contains("/api/ops/")) Interlocked.Increment(ref opsCalls); };
        await page.GotoAsync("/ops");

        await SignInAsync(page, student);

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Admin only" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "for administrators only" })).ToContainTextAsync(student.Email);
        await Expect(page.Locator("#console")).ToBeHiddenAsync();
        await Expect(page.Locator("#login")).ToBeHiddenAsync();
        // A reload keeps saying so rather than showing a console of 403 errors.
        await page.ReloadAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Admin only" })).ToBeVisibleAsync();
        await Expect(page.Locator("#console")).ToBeHiddenAsync();
        Assert.Equal(0, Volatile.Read(ref opsCalls));

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Admin sign-in" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Admin only" })).ToBeHiddenAsync();
        browser.AssertNoConsoleErrors();
    }

    private static async Task SignInAsync(IPage page, TestUser user)
    {
        await page.GetByLabel("Email", new() { Exact = true }).FillAsync(user.Email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(user.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
    }
}
