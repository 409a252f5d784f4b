using Microsoft.Playwright;
using Pipeline.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Pipeline.Tests.Voice;

/// <summary>
/// The console's voice page in headless chromium: its microphone is chromium's fake capture device playing the espeak-ng
/// question, recorded by MediaRecorder (WebM/Opus) and streamed over /ws/voice; the answer is shown and played.
/// </summary>
public sealed class Voice_tutoring_in_the_console(VoiceFixture fixture) : IClassFixture<VoiceFixture>
{
    [Fact]
    public async Task A_question_recorded_in_the_browser_is_heard_answered_and_the_spoken_answer_is_played()
    {
        var learner = await fixture.SignUpAsync();
        var folder = Directory.CreateTempSubdirectory("voice-console-");
        try
        {
            var question = Path.Combine(folder.FullName, "question.wav");
            await File.WriteAllBytesAsync(question, await SpokenQuestion.WavAsync());
            await using var browser = await BrowserSession.StartAsync(fixture.BaseAddress, extraArgs:
                ["--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream", $"--use-file-for-fake-audio-capture={question}%noloop"]);
            var page = browser.Page;
            await page.GotoAsync("/");
            await page.GetByLabel("Email").FillAsync(learner.Email);
            await page.GetByLabel("Password").FillAsync(learner.Password);
            await page.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();
            await Expect(page.Locator("#session-user")).Not.ToBeEmptyAsync();

            await page.GetByRole(AriaRole.Link, new() { Name = "Voice tutor" }).ClickAsync();
            await Expect(page.Locator("#voice-status")).ToContainTextAsync("Ready", new() { Timeout = 15_000 });
            await page.GetByRole(AriaRole.Button, new() { Name = "Record" }).ClickAsync();
            await Expect(page.Locator("#voice-status")).ToContainTextAsync("Recording");
            // The fake microphone plays the 2.4 s question once; a recording is as long as it is (the only fixed wait).
            await page.WaitForTimeoutAsync(3500);
            await page.GetByRole(AriaRole.Button, new() { Name = "Stop and send" }).ClickAsync();

            var heard = page.Locator(".voice-heard").Last;
            await Expect(heard).Not.ToBeEmptyAsync(new() { Timeout = 60_000 });
            foreach (var word in SpokenQuestion.KeyWords) await Expect(heard).ToContainTextAsync(word);
            await Expect(page.Locator(".voice-answer-text").Last).ToContainTextAsync("solar system", new() { Timeout = 60_000, IgnoreCase = true });
            await Expect(page.Locator("#voice-status")).ToContainTextAsync("Answer ready", new() { Timeout = 30_000 });
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Play answer again" })).ToBeEnabledAsync();
            Assert.Equal("", await page.Locator("#voice-error").TextContentAsync());
            browser.AssertNoConsoleErrors();
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
