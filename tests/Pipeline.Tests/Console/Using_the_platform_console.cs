using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Pipeline.Tests.Analytics;
using Pipeline.Tests.Fakes;
using Pipeline.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Pipeline.Tests.LearnerConsole;

/// <summary>
/// The console's views beyond learning paths (console/, built into Edge.Api/wwwroot), driven in headless chromium
/// against the real system: the planning chat streaming over /ws/chat with Stop and chat switching, plan → finalise →
/// module chat → complete; a concept started, practised, completed and recoloured on the knowledge graph; a failure
/// shown with Try again; a reminder arriving live on the schedule; an instructor's export downloaded; a learner picked
/// from the instructor's list; a started concept completed after a page reload. Each test also
/// leaves a screenshot of its pages (docs/console-*.png, committed by hand when the pages change).
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class Using_the_platform_console(ConsoleFixture fixture)
{
    private const string LongAnswer =
        "Goroutines are functions that run concurrently with other functions. The Go runtime multiplexes them onto a small "
        + "number of operating system threads, so starting thousands of them is cheap. Channels let goroutines pass values "
        + "to each other safely, and a select statement waits on several channels at once. Start with a worker pool, then "
        + "add a context for cancellation, then measure with the race detector.";

    private static readonly ViewportSize PhoneScreen = new() { Width = 390, Height = 844 };

    [Fact]
    public async Task Plans_a_track_in_a_streaming_chat_with_Stop_and_chat_switching_then_finalises_learns_and_completes_a_module()
    {
        fixture.Llm.Reset();
        fixture.Llm.Behaviour = request => request.SchemaName is null ? FakeChatReply.WithContent(LongAnswer) : FakeChatReply.Valid();
        fixture.Llm.TokenDelay = TimeSpan.FromMilliseconds(150); // ~60 tokens: seconds of streaming, time to press Stop
        try
        {
            var learner = await fixture.SignUpAsync();
            await using var browser = await BrowserSession.StartAsync(fixture.BaseAddress);
            var page = browser.Page;
            await LogInAsync(page, learner);

            await page.GetByRole(AriaRole.Link, new() { Name = "Tracks" }).ClickAsync();
            await page.GetByLabel("Track title").FillAsync("Go concurrency");
            await page.GetByRole(AriaRole.Button, new() { Name = "Create track" }).ClickAsync();
            await Expect(page.Locator("#track-title")).ToHaveTextAsync("Go concurrency");

            // The reply streams in token by token; Stop ends it and keeps the text so far.
            await page.GetByLabel("Message to the planner").FillAsync("I want to learn goroutines for backend work");
            await page.GetByLabel("Message to the planner").PressAsync("Enter");
            var reply = page.Locator("#planning-messages .message-assistant").Last;
            await Expect(reply).ToHaveAttributeAsync("data-status", "streaming");
            await Expect(reply.Locator(".message-text")).ToContainTextAsync("Goroutines are functions");
            var stop = page.GetByRole(AriaRole.Button, new() { Name = "Stop" });
            await stop.ClickAsync();
            await Expect(reply).ToHaveAttributeAsync("data-status", "stopped", new() { Timeout = 15_000 });
            await Expect(reply.Locator(".message-role")).ToHaveTextAsync("Planner (stopped)");
            await Expect(stop).ToBeHiddenAsync();
            var kept = await reply.Locator(".message-text").TextContentAsync();
            Assert.True(kept!.Length < LongAnswer.Length, "Stop came after the whole answer had streamed");

            // A second chat starts empty; switching back shows the first chat's history from the server.
            fixture.Llm.TokenDelay = TimeSpan.Zero;
            await page.GetByRole(AriaRole.Button, new() { Name = "New chat" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Chat 2" })).ToHaveAttributeAsync("aria-pressed", "true");
            await Expect(page.Locator("#planning-messages .message")).ToHaveCountAsync(0);
            await page.GetByRole(AriaRole.Button, new() { Name = "Chat 1" }).ClickAsync();
            await Expect(page.Locator("#planning-messages .message")).ToHaveCountAsync(2);
            await Expect(page.Locator("#planning-messages .message-assistant .message-role")).ToHaveTextAsync("Planner (stopped)");

            // Plan → finalise → modules → module chat → complete.
            await page.GetByRole(AriaRole.Button, new() { Name = "Generate plan" }).ClickAsync();
            await Expect(page.Locator("#planning-plan h4")).ToContainTextAsync("Draft plan", new() { Timeout = 30_000 });
            await page.GetByRole(AriaRole.Button, new() { Name = "Finalise plan" }).ClickAsync();
            var modules = page.Locator("#track-modules li.module");
            await Expect(modules.First).ToBeVisibleAsync();
            var total = await modules.CountAsync();
            await Expect(page.Locator("#modules-title")).ToHaveTextAsync($"Modules (0 of {total} done)");

            await modules.First.GetByRole(AriaRole.Button).ClickAsync();
            await Expect(page.Locator("#module-chat .message-assistant").First).Not.ToBeEmptyAsync(new() { Timeout = 30_000 });
            await page.GetByLabel("Message to the tutor").FillAsync("What is a channel?");
            await page.GetByRole(AriaRole.Button, new() { Name = "Ask the tutor" }).ClickAsync();
            await Expect(page.Locator("#module-chat .message-assistant")).ToHaveCountAsync(2, new() { Timeout = 30_000 });
            await page.GetByRole(AriaRole.Button, new() { Name = "Complete module" }).ClickAsync();
            await Expect(page.Locator("#module-outcome")).ToContainTextAsync(total == 1 ? "Track completed: 1 of 1" : $"Module completed (1 of {total})");
            await Expect(page.Locator("#modules-title")).ToHaveTextAsync($"Modules (1 of {total} done)");
            await Expect(modules.First.Locator(".badge-completed")).ToHaveTextAsync("completed");

            await ScreenshotAsync(page, "console-tracks.png");
            await AssertFitsAPhoneScreenAsync(page, "console-tracks-phone.png");
            browser.AssertNoConsoleErrors();
        }
        finally
        {
            fixture.Llm.TokenDelay = TimeSpan.Zero;
            fixture.Llm.Reset();
        }
    }

    [Fact]
    public async Task Starts_practises_and_completes_a_concept_and_the_knowledge_graph_recolours_it()
    {
        await using var browser = await ANewLearnerLoggedInWithTheCurriculumAsync();
        var page = browser.Page;

        // The graph before: the first concept has no prerequisites, so it is available (and its dependants locked).
        // Its first load fails (503): the failure shows with Try again, which loads it.
        var failures = 0;
        await page.RouteAsync("**/api/learntrac/v1/knowledge/graph*", async route =>
        {
            if (Interlocked.Increment(ref failures) == 1)
                await route.FulfillAsync(new() { Status = 503, ContentType = "application/json", Body = """{"error": {"code": "UNAVAILABLE", "message": "The graph is resting"}}""" });
            else await route.ContinueAsync();
        });
        await page.GetByRole(AriaRole.Link, new() { Name = "Knowledge graph" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "The graph is resting" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Try again" }).ClickAsync();
        var first = page.Locator("#graph-svg [data-node-id='concept-1']");
        await Expect(first).ToHaveAttributeAsync("data-status", "available");
        await Expect(page.Locator("#graph-svg .node.status-locked").First).ToBeVisibleAsync();

        // Concepts: filter, open, start, a quiz graded with feedback, complete.
        await page.GetByRole(AriaRole.Link, new() { Name = "Concepts" }).ClickAsync();
        await page.GetByLabel("Difficulty").SelectOptionAsync("1");
        await Expect(page.Locator("#concept-list li").First).ToBeVisibleAsync();
        await page.Locator("#concept-list li[data-concept-id='1'] button").ClickAsync();
        await Expect(page.Locator("#concept-title")).Not.ToBeEmptyAsync();
        var title = await page.Locator("#concept-title").TextContentAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Start learning" }).ClickAsync();
        await Expect(page.Locator("#concept-outcome")).ToContainTextAsync("Started");

        await SubmitTheQuizAsync(page);
        await Expect(page.Locator("#exercise-result")).ToContainTextAsync("Graded by");

        await page.GetByRole(AriaRole.Button, new() { Name = "Complete concept" }).ClickAsync();
        await Expect(page.Locator("#concept-outcome")).ToContainTextAsync("Completed:");
        await ScreenshotAsync(page, "console-concepts.png");

        // The graph after: the concept is done (completed or mastered), and a chosen target's path is highlighted.
        await page.GetByRole(AriaRole.Link, new() { Name = "Knowledge graph" }).ClickAsync();
        await Expect(first).ToHaveAttributeAsync("data-status", new Regex("^(completed|mastered)$"));
        await Expect(first).ToHaveAttributeAsync("aria-label", new Regex($"^{Regex.Escape(title!)}: (Completed|Mastered)$"));
        var target = page.Locator("#graph-svg .node.status-locked").First;
        await target.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(target).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(page.Locator("#graph-path-steps li").First).ToBeVisibleAsync();
        await Expect(target).ToHaveClassAsync(new Regex("on-path"));
        Assert.True(await page.Locator("#graph-svg .edge.on-path").CountAsync() > 0, "no edge of the path is highlighted");
        await ScreenshotAsync(page, "console-graph.png");

        await page.GetByRole(AriaRole.Link, new() { Name = "Progress" }).ClickAsync();
        await Expect(page.Locator("#progress-overview dd").First).ToHaveTextAsync(new Regex("^1 of \\d+$"));
        // The chart's table (for screen readers): today's row counts the completed concept.
        await Expect(page.Locator("#progress-chart tr").Last.Locator("td").Nth(2)).ToHaveTextAsync("1");
        await ScreenshotAsync(page, "console-progress.png");
        await AssertFitsAPhoneScreenAsync(page, "console-graph-phone.png");

        // The one refused call is the rehearsed 503.
        Assert.All(browser.ConsoleErrors, error => Assert.Contains("503", error));
    }

    [Fact]
    public async Task Shows_a_reminder_live_on_the_schedule_and_downloads_an_instructor_export()
    {
        var instructor = await fixture.SignUpAsync("instructor");
        await using var browser = await BrowserSession.StartAsync(fixture.BaseAddress);
        var page = browser.Page;
        await LogInAsync(page, instructor);

        // Schedule: a study block in the week view, a reminder that arrives over the realtime socket while watching.
        await page.GetByRole(AriaRole.Link, new() { Name = "Schedule" }).ClickAsync();
        await Expect(page.Locator("#realtime-status")).ToContainTextAsync("Live");
        await page.GetByLabel("Block title").FillAsync("Review SQL joins");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add block" }).ClickAsync();
        await Expect(page.Locator("#week .block").Filter(new() { HasText = "Review SQL joins" })).ToBeVisibleAsync();

        await page.GetByLabel("Reminder", new() { Exact = true }).FillAsync("Time to practise joins");
        await page.GetByLabel("In minutes").FillAsync("0.05");
        await page.GetByRole(AriaRole.Button, new() { Name = "Set reminder" }).ClickAsync();
        await Expect(page.Locator("#reminders li").Filter(new() { HasText = "Time to practise joins" })).ToBeVisibleAsync();
        await Expect(page.Locator("#reminder-toasts .toast")).ToContainTextAsync("Time to practise joins", new() { Timeout = 30_000 });
        await Expect(page.Locator("#reminders li").Filter(new() { HasText = "Time to practise joins" }).Locator(".badge-completed")).ToHaveTextAsync("delivered");
        await ScreenshotAsync(page, "console-schedule.png");

        // Instructor: the dashboard, then an export followed to the end and downloaded.
        await page.GetByRole(AriaRole.Link, new() { Name = "Instructor" }).ClickAsync();
        await Expect(page.Locator("#dashboard dl.stats")).ToBeVisibleAsync();
        await page.GetByLabel("Report").SelectOptionAsync("learner_progress");
        await page.GetByLabel("Format").SelectOptionAsync("csv");
        await page.GetByRole(AriaRole.Button, new() { Name = "Export report" }).ClickAsync();
        var button = page.Locator("#export-download");
        await Expect(button).ToBeVisibleAsync(new() { Timeout = 60_000 });
        var download = await page.RunAndWaitForDownloadAsync(() => button.ClickAsync());
        Assert.EndsWith(".csv", download.SuggestedFilename);
        var file = await download.PathAsync();
        Assert.NotEqual(0, new FileInfo(file!).Length);

        await page.GetByLabel("Webhook URL").FillAsync("https://93.184.216.34/hooks/learntrac");
        await page.GetByLabel("Secret").FillAsync("a-secret-of-enough-length");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add webhook" }).ClickAsync();
        var hook = page.Locator("#webhooks li").Filter(new() { HasText = "https://93.184.216.34/hooks/learntrac" });
        await Expect(hook).ToBeVisibleAsync();
        await hook.GetByRole(AriaRole.Button, new() { Name = "Deliveries" }).ClickAsync();
        await Expect(page.Locator("#deliveries h4")).ToContainTextAsync("Deliveries to");
        await ScreenshotAsync(page, "console-instructor.png");
        await AssertFitsAPhoneScreenAsync(page, "console-instructor-phone.png");
        browser.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task An_instructor_finds_a_learner_in_the_list_and_sees_their_analytics()
    {
        var learner = await fixture.SignUpAsync();
        await fixture.CompleteConceptAsync(learner.Id, 1, "Client and server", 0.9, 1200, "http", "HTTP Foundations");
        var instructor = await fixture.SignUpAsync("instructor");
        // The list counts from the rollups, which follow the bus: wait until the completion is in.
        await Eventually.ReturnsAsync(async () => await (await instructor.Client.GetAsync(
                $"/api/learntrac/v1/analytics/learners?q={Uri.EscapeDataString(learner.Email)}")).Content.ReadAsStringAsync(),
            body => body.Contains("\"concepts_completed\":1", StringComparison.Ordinal), TimeSpan.FromSeconds(30), "the rollups");
        await using var browser = await BrowserSession.StartAsync(fixture.BaseAddress);
        var page = browser.Page;
        await LogInAsync(page, instructor);

        await page.GetByRole(AriaRole.Link, new() { Name = "Instructor" }).ClickAsync();
        await Expect(page.Locator("#learners li").First).ToBeVisibleAsync();
        await page.GetByLabel("Find a learner").FillAsync(learner.Email);
        await page.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).ClickAsync();
        await Expect(page.Locator("#learner-count")).ToHaveTextAsync("Learners 1–1 of 1");
        var item = page.Locator($"#learners li[data-user-id='{learner.Id}']");
        await Expect(item).ToContainTextAsync(learner.Email);
        await Expect(item).ToContainTextAsync(new Regex(@"1 concept completed · last active \d{4}-\d{2}-\d{2}"));

        await item.GetByRole(AriaRole.Button, new() { Name = "Test User" }).ClickAsync();
        await Expect(item.GetByRole(AriaRole.Button)).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(page.Locator("#learner-analytics-title")).ToHaveTextAsync("Analytics of Test User");
        await Expect(page.Locator("#learner-analytics-title")).ToBeFocusedAsync();
        var stats = page.Locator("#learner-analytics dl.stats");
        await Expect(stats.Locator("div").Filter(new() { HasText = "Overall mastery" }).Locator("dd")).ToHaveTextAsync("90%");
        await page.Locator("#learner-title").ScrollIntoViewIfNeededAsync();
        await ScreenshotAsync(page, "console-instructor-learner.png");
        await AssertFitsAPhoneScreenAsync(page, "console-instructor-learner-phone.png");
        browser.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task A_started_concept_survives_a_page_reload_and_is_practised_and_completed_after_it()
    {
        await using var browser = await ANewLearnerLoggedInWithTheCurriculumAsync();
        var page = browser.Page;

        await page.GetByRole(AriaRole.Link, new() { Name = "Concepts" }).ClickAsync();
        await page.GetByLabel("Difficulty").SelectOptionAsync("1");
        await page.Locator("#concept-list li[data-concept-id='1'] button").ClickAsync();
        await Expect(page.Locator("#concept-title")).Not.ToBeEmptyAsync();
        var title = await page.Locator("#concept-title").TextContentAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Start learning" }).ClickAsync();
        await Expect(page.Locator("#concept-outcome")).ToContainTextAsync("Started");

        // A reload forgets everything in memory: the page comes back to the concept (its id is in the URL) and finds the
        // active session on the server.
        await page.ReloadAsync();
        await Expect(page.Locator("#concept-title")).ToHaveTextAsync(title!);
        await Expect(page.Locator("#concept-session")).ToContainTextAsync("In progress since");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Start learning" })).ToBeDisabledAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Complete concept" })).ToBeEnabledAsync();

        await SubmitTheQuizAsync(page);
        // The viewport only: after the reload the list is unfiltered (every concept), too long for a picture.
        await page.Locator("#concept-title").ScrollIntoViewIfNeededAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "console-concepts-resumed.png"), Animations = ScreenshotAnimations.Disabled });

        await page.ReloadAsync();
        await Expect(page.Locator("#concept-session")).ToContainTextAsync("In progress since");
        await page.GetByRole(AriaRole.Button, new() { Name = "Complete concept" }).ClickAsync();
        await Expect(page.Locator("#concept-outcome")).ToContainTextAsync("Completed:");
        await Expect(page.Locator("#concept-session")).ToHaveCountAsync(0);
        await Expect(page.Locator("#concept-list li[data-concept-id='1'] .badge")).ToHaveTextAsync(new Regex("^(completed|mastered)$"));
        browser.AssertNoConsoleErrors();
    }

    /// <summary>A new learner, once the starter curriculum is imported, logged in to the console in a browser of its own.</summary>
    private async Task<BrowserSession> ANewLearnerLoggedInWithTheCurriculumAsync()
    {
        fixture.Llm.Reset();
        var learner = await fixture.SignUpAsync();
        await CurriculumImportedAsync(learner);
        var browser = await BrowserSession.StartAsync(fixture.BaseAddress);
        try
        {
            await LogInAsync(browser.Page, learner);
            return browser;
        }
        catch
        {
            await browser.DisposeAsync();
            throw;
        }
    }

    /// <summary>Opens the open concept's quiz, answers every question with its first option and waits for the grade.</summary>
    private static async Task SubmitTheQuizAsync(IPage page)
    {
        await page.Locator("#concept-exercises li").Filter(new() { HasText = "quiz" }).GetByRole(AriaRole.Button).ClickAsync();
        var questions = page.Locator("#exercise-panel fieldset");
        await Expect(questions.First).ToBeVisibleAsync();
        for (var i = 0; i < await questions.CountAsync(); i++) await questions.Nth(i).GetByRole(AriaRole.Radio).First.CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit for grading" }).ClickAsync();
        await Expect(page.Locator("#exercise-result .grade")).ToContainTextAsync("Score");
    }

    /// <summary>
    /// Waits until the importer has loaded the starter curriculum with its prerequisites: it writes the concepts first and
    /// the edges after them, so a test that runs first on a fresh system could see a graph without links.
    /// </summary>
    private static Task CurriculumImportedAsync(TestUser user) =>
        Eventually.ReturnsAsync(async () => await (await user.Client.GetAsync("/api/learntrac/v1/knowledge/graph")).Content.ReadAsStringAsync(),
            body => body.Contains("\"source\"", StringComparison.Ordinal), TimeSpan.FromSeconds(60), "the curriculum's prerequisites are imported");

    private static async Task LogInAsync(IPage page, TestUser user)
    {
        await page.GotoAsync("/");
        await page.GetByLabel("Email").FillAsync(user.Email);
        await page.GetByLabel("Password").FillAsync(user.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();
        await Expect(page.Locator("#session-user")).Not.ToBeEmptyAsync();
    }

    private static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, name), FullPage = true, Animations = ScreenshotAnimations.Disabled });

    /// <summary>On a phone-width screen nothing sticks out sideways (no horizontal scrolling).</summary>
    private static async Task AssertFitsAPhoneScreenAsync(IPage page, string screenshot)
    {
        await page.SetViewportSizeAsync(PhoneScreen.Width, PhoneScreen.Height);
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, screenshot), Animations = ScreenshotAnimations.Disabled });
        Assert.True(overflow <= 0, $"the page is {overflow}px wider than a {PhoneScreen.Width}px screen");
    }
}
