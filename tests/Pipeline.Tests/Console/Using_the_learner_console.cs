using System.Net;
using Microsoft.Playwright;
using Pipeline.Tests.Fakes;
using Pipeline.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Pipeline.Tests.LearnerConsole;

/// <summary>
/// The page Edge.Api serves at / (Edge.Api/wwwroot), driven in headless chromium against the real system: sign in,
/// generate, follow the task live, read the cards, recover from a failed stage.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class Using_the_learner_console(ConsoleFixture fixture)
{
    // Generous: the stage timeouts and retries of a loaded CI machine, not the expected time (a few seconds).
    private static readonly LocatorAssertionsToHaveAttributeOptions UntilGenerated = new() { Timeout = 60_000 };
    private static readonly ViewportSize PhoneScreen = new() { Width = 390, Height = 844 };

    [Fact]
    public async Task Is_served_to_visitors_without_a_token()
    {
        using var anonymous = new HttpClient { BaseAddress = fixture.BaseAddress };

        foreach (var (path, contentType) in new[] { ("/", "text/html"), ("/app.js", "text/javascript"), ("/app.css", "text/css") })
        {
            var response = await anonymous.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(contentType, response.Content.Headers.ContentType?.MediaType);
        }
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/learning-paths")).StatusCode);
    }

    [Fact]
    public async Task Registers_generates_a_path_shows_live_progress_to_100_percent_and_flips_cards()
    {
        fixture.Llm.Reset();
        await using var browser = await BrowserSession.StartAsync(fixture.BaseAddress);
        var page = browser.Page;
        var requests = RecordApiRequests(page);
        await page.GotoAsync("/");

        await page.GetByLabel("Email").FillAsync($"learner-{Guid.NewGuid():N}@example.com");
        await page.GetByLabel("Password").FillAsync("correct-horse-42");
        await page.GetByLabel("Name").FillAsync("Ada Lovelace");
        await page.GetByRole(AriaRole.Button, new() { Name = "Register" }).ClickAsync();
        await Expect(page.Locator("#session-user")).ToHaveTextAsync("Ada Lovelace");

        await page.GetByLabel("Your learning goal").FillAsync("I want to learn trading in 30 days");
        await page.GetByRole(AriaRole.Button, new() { Name = "Generate path" }).ClickAsync();

        // The outline (courses, sections, keywords) shows once the structure is saved, then the bar runs to 100%.
        await Expect(page.Locator("#path-title")).Not.ToBeEmptyAsync();
        await Expect(page.Locator(".section .keywords li").First).Not.ToBeEmptyAsync();
        var bar = page.GetByRole(AriaRole.Progressbar);
        await Expect(bar).ToHaveAttributeAsync("aria-valuenow", "100", UntilGenerated);
        await Expect(page.Locator("#progress-text")).ToContainTextAsync("Finished: 100%");
        await Expect(page.Locator("#stages li.done")).ToHaveCountAsync(5);
        await Expect(page.Locator("#progress")).ToHaveAttributeAsync("aria-labelledby", "progress-title");
        Assert.Equal("polite", await page.Locator("#progress-text").GetAttributeAsync("aria-live"));
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Cancel" })).ToBeHiddenAsync();

        // Every section has its cards; a card flips by click and by keyboard, and says which side shows.
        await Expect(page.Locator(".cards-pending")).ToHaveCountAsync(0);
        var card = page.Locator("button.card").First;
        await Expect(card).ToHaveAttributeAsync("aria-pressed", "false");
        await card.ClickAsync();
        await Expect(card).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(card.Locator(".card-back .card-text")).Not.ToBeEmptyAsync();
        var second = page.Locator("button.card").Nth(1);
        await second.FocusAsync();
        await page.Keyboard.PressAsync("Space");
        await Expect(second).ToHaveAttributeAsync("aria-pressed", "true");
        await page.Keyboard.PressAsync("Enter");
        await Expect(second).ToHaveAttributeAsync("aria-pressed", "false");

        var title = await page.Locator("#path-title").TextContentAsync();
        await Expect(page.Locator("#my-paths")).ToContainTextAsync(title!);
        await Expect(page.Locator("#my-tasks .badge-completed")).ToHaveCountAsync(1);

        // Progress came from the event stream: no fallback polling was needed.
        string[] called;
        lock (requests) called = [.. requests];
        Assert.Contains(called, url => url.EndsWith("/events"));
        Assert.DoesNotContain(called, url => url.EndsWith("/status"));

        // The first screen, for docs/console.png (README): produced here, committed by hand when the page changes.
        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        await page.ScreenshotAsync(new()
        {
            Path = Path.Combine(AppContext.BaseDirectory, "console.png"),
            Animations = ScreenshotAnimations.Disabled, // the flipped card, not a frame of its turn
        });
        await AssertFitsAPhoneScreenAsync(page);
        browser.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task Shows_a_failed_stage_with_its_message_and_Retry_completes_it()
    {
        fixture.Llm.Reset();
        fixture.Llm.Behaviour = request => request.SchemaName == "section_cards"
            ? FakeChatReply.Error(400, "This model cannot write cards")
            : FakeChatReply.Valid();
        var learner = await fixture.SignUpAsync();
        await using var browser = await BrowserSession.StartAsync(fixture.BaseAddress);
        var page = browser.Page;
        await page.GotoAsync("/");

        await page.GetByLabel("Email").FillAsync(learner.Email);
        await page.GetByLabel("Password").FillAsync(learner.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();
        await page.GetByLabel("Your learning goal").FillAsync("Learn woodworking in 10 days");
        await page.GetByLabel("Your learning goal").PressAsync("Enter");

        var retry = page.GetByRole(AriaRole.Button, new() { Name = "Retry" });
        await Expect(retry).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "This model cannot write cards" })).ToBeVisibleAsync();
        await Expect(page.Locator("#stages li.failed")).ToHaveTextAsync("Generating cards");
        await Expect(page.Locator("#my-tasks .badge-failed")).ToHaveCountAsync(1);

        fixture.Llm.Behaviour = _ => FakeChatReply.Valid();
        var answers = RecordApiAnswers(page);
        await retry.ClickAsync();

        // Seen once in a full run: the task stayed failed after Retry. If it happens again, say what the page was told
        // and what the task rows say.
        try
        {
            await Expect(page.GetByRole(AriaRole.Progressbar)).ToHaveAttributeAsync("aria-valuenow", "100", UntilGenerated);
        }
        catch (Exception e) when (e is PlaywrightException or TimeoutException)
        {
            var tasks = await (await learner.Client.GetAsync("/api/tasks/users/me")).Content.ReadAsStringAsync();
            throw new Xunit.Sdk.XunitException($"{e.Message}\nAPI answers after Retry: {string.Join("; ", answers)}\nTasks: {tasks}");
        }
        await Expect(retry).ToBeHiddenAsync();
        await Expect(page.Locator("#task-error")).ToBeEmptyAsync();
        await Expect(page.Locator(".cards-pending")).ToHaveCountAsync(0);
        await Expect(page.Locator("button.card").First).ToBeVisibleAsync();
        await Expect(page.Locator("#my-tasks .badge-completed")).ToHaveCountAsync(1);
        browser.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task Cancel_stops_a_running_generation()
    {
        fixture.Llm.Reset();
        fixture.Llm.Latency = TimeSpan.FromMilliseconds(500); // cards take seconds: time to press Cancel
        await using var browser = await BrowserSession.StartAsync(fixture.BaseAddress);
        var page = browser.Page;
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue as guest" }).ClickAsync();
        await page.GetByLabel("Your learning goal").FillAsync("I want to learn astronomy in 40 days");
        await page.GetByRole(AriaRole.Button, new() { Name = "Generate path" }).ClickAsync();

        var cancel = page.GetByRole(AriaRole.Button, new() { Name = "Cancel" });
        await Expect(page.Locator("#stages li.current")).ToHaveTextAsync("Generating cards", new() { Timeout = 60_000 });
        await cancel.ClickAsync();

        await Expect(page.Locator("#progress-text")).ToContainTextAsync("Canceled at", new() { Timeout = 60_000 });
        await Expect(cancel).ToBeHiddenAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Retry" })).ToBeHiddenAsync();
        await Expect(page.Locator("#my-tasks .badge-canceled")).ToHaveCountAsync(1);
        browser.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task A_guest_starts_without_an_account_and_an_expired_access_token_is_refreshed()
    {
        await using var browser = await BrowserSession.StartAsync(fixture.BaseAddress);
        var page = browser.Page;
        await page.GotoAsync("/");

        await page.GetByRole(AriaRole.Button, new() { Name = "Continue as guest" }).ClickAsync();
        await Expect(page.Locator("#session-user")).ToHaveTextAsync("Guest");
        await Expect(page.Locator("#my-paths")).ToContainTextAsync("No learning paths yet.");

        // A reload with an access token the API refuses: the page refreshes it with the stored refresh token.
        await page.EvaluateAsync("() => sessionStorage.setItem('pipeline.accessToken', 'no-longer-valid')");
        await page.ReloadAsync();
        await Expect(page.Locator("#my-tasks")).ToContainTextAsync("No tasks yet.");
        Assert.NotEqual("no-longer-valid", await page.EvaluateAsync<string>("() => sessionStorage.getItem('pipeline.accessToken')"));
        await Expect(page.Locator("#auth")).ToBeHiddenAsync();

        // The refused call is the one error the browser reports (chromium logs every 4xx answer).
        Assert.All(browser.ConsoleErrors, error => Assert.Contains("401", error));
        Assert.NotEmpty(browser.ConsoleErrors);
    }

    /// <summary>The URLs of the API calls the page makes, in order.</summary>
    private static List<string> RecordApiRequests(IPage page)
    {
        var urls = new List<string>();
        page.Request += (_, request) =>
        {
            if (request.Url.Contains("/api/")) lock (urls) urls.Add(new Uri(request.Url).AbsolutePath);
        };
        return urls;
    }

    private static List<string> RecordApiAnswers(IPage page)
    {
        var answers = new List<string>();
        page.Response += (_, response) =>
        {
            if (response.Url.Contains("/api/")) lock (answers) answers.Add($"{response.Request.Method} {new Uri(response.Url).AbsolutePath} {response.Status}");
        };
        return answers;
    }

    /// <summary>On a phone-width screen nothing sticks out sideways (no horizontal scrolling).</summary>
    private static async Task AssertFitsAPhoneScreenAsync(IPage page)
    {
        await page.SetViewportSizeAsync(PhoneScreen.Width, PhoneScreen.Height);
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "console-phone.png"), Animations = ScreenshotAnimations.Disabled });
        Assert.True(overflow <= 0, $"the page is {overflow}px wider than a {PhoneScreen.Width}px screen");
    }
}
