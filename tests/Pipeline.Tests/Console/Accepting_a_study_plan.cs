using System.Net;
using Microsoft.Playwright;
using Pipeline.Tests.Fakes;
using Pipeline.Tests.Infrastructure;
using Pipeline.Tests.Platform;
using static Microsoft.Playwright.Assertions;

namespace Pipeline.Tests.LearnerConsole;

/// <summary>
/// The schedule view's study plan (issue 17): a plan suggested for one of the learner's goals
/// (<c>POST /api/v1/ai/create-plan</c>) is accepted into the schedule with one call (<c>POST /api/v1/schedule/accept</c>),
/// in headless chromium against the real system; the blocks left unticked stay out. Leaves a screenshot
/// (docs/console-schedule-plan.png, committed by hand when the page changes).
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class Accepting_a_study_plan(ConsoleFixture fixture)
{
    [Fact]
    public async Task A_goals_suggested_blocks_are_accepted_into_the_week_view()
    {
        fixture.Llm.Reset();
        fixture.Llm.Behaviour = request => request.SchemaName is null
            ? FakeChatReply.WithContent("Four weekday evenings of reading, two chapters each.")
            : FakeChatReply.Valid();
        var learner = await fixture.SignUpAsync();
        await (await learner.Client.PostJsonAsync("/api/v1/goals", new { title = "Read 10 chapters", target_value = 10, unit = "chapters" }))
            .ExpectAsync(HttpStatusCode.Created);
        await using var browser = await BrowserSession.StartAsync(fixture.BaseAddress);
        var page = browser.Page;
        await page.GotoAsync("/");
        await page.GetByLabel("Email").FillAsync(learner.Email);
        await page.GetByLabel("Password").FillAsync(learner.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();
        await Expect(page.Locator("#session-user")).Not.ToBeEmptyAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Schedule" }).ClickAsync();
        await page.GetByLabel("Plan for").SelectOptionAsync(new SelectOptionValue { Label = "Goal: Read 10 chapters" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Suggest a plan" }).ClickAsync();

        // Five sessions of two chapters each, on weekday evenings from tomorrow; the last one is left out.
        var suggested = page.Locator("#plan-blocks li");
        await Expect(suggested).ToHaveCountAsync(5, new() { Timeout = 30_000 });
        await Expect(suggested.First).ToContainTextAsync("Read 10 chapters: step 1 of 5");
        await Expect(page.Locator("#plan")).ToContainTextAsync("Four weekday evenings of reading");
        await page.GetByLabel("Read 10 chapters: step 5 of 5").UncheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Accept into schedule" }).ClickAsync();

        await Expect(page.Locator("#plan-outcome")).ToHaveTextAsync("Added 4 blocks to your schedule.");
        await Expect(page.Locator("#week .block").Filter(new() { HasText = "Read 10 chapters: step 1 of 5" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Accept into schedule" })).ToBeDisabledAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "console-schedule-plan.png"), FullPage = true, Animations = ScreenshotAnimations.Disabled });

        // The schedule itself holds the four accepted blocks, each tied to the goal, and not the fifth.
        var accepted = new List<string>();
        for (var day = DateTime.UtcNow.Date; day <= DateTime.UtcNow.Date.AddDays(14); day = day.AddDays(1))
        {
            var blocks = await (await learner.Client.GetAsync($"/api/v1/schedule?date={day:yyyy-MM-dd}", TestContext.Current.CancellationToken))
                .ExpectAsync(HttpStatusCode.OK);
            accepted.AddRange(blocks.Items().Select(b => b.GetProperty("title").GetString()!));
        }
        Assert.Equal(["Read 10 chapters: step 1 of 5", "Read 10 chapters: step 2 of 5", "Read 10 chapters: step 3 of 5", "Read 10 chapters: step 4 of 5"],
            accepted);
        browser.AssertNoConsoleErrors();
    }
}
