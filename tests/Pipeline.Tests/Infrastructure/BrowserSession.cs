using Microsoft.Playwright;

namespace Pipeline.Tests.Infrastructure;

/// <summary>
/// A headless Debian chromium (/usr/bin/chromium, installed by scripts/infra.sh; Playwright's own browser download is
/// never used) with a fresh profile and one page, for tests of the pages Edge.Api serves. Every console error and
/// uncaught page exception is recorded: <see cref="AssertNoConsoleErrors"/> fails a test that produced any.
/// <code>
/// await using var browser = await BrowserSession.StartAsync(fixture.BaseAddress);
/// await browser.Page.GotoAsync("/");
/// browser.AssertNoConsoleErrors();
/// </code>
/// </summary>
public sealed class BrowserSession : IAsyncDisposable
{
    public const string ChromiumPath = "/usr/bin/chromium";

    // Background networking, updates and sync would reach for the internet; the GPU is absent on CI machines.
    private static readonly string[] ChromiumFlags =
        ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

    private readonly IPlaywright _playwright;
    private readonly string _profileDirectory;
    private readonly List<string> _consoleErrors = [];
    private readonly Lock _consoleErrorsLock = new();

    private BrowserSession(IPlaywright playwright, IBrowserContext context, IPage page, string profileDirectory)
    {
        _playwright = playwright;
        Context = context;
        Page = page;
        _profileDirectory = profileDirectory;
        page.Console += (_, message) =>
        {
            if (message.Type == "error") Record($"console: {message.Text} ({message.Location})");
        };
        page.PageError += (_, error) => Record($"uncaught: {error}");
    }

    public IBrowserContext Context { get; }
    public IPage Page { get; }

    public IReadOnlyList<string> ConsoleErrors
    {
        get { lock (_consoleErrorsLock) return [.. _consoleErrors]; }
    }

    /// <param name="baseAddress">Relative URLs in <see cref="IPage.GotoAsync"/> resolve against it.</param>
    /// <param name="viewport">Default 1280×900; pass a phone width to check the responsive layout.</param>
    /// <param name="extraArgs">More chromium flags (e.g. a fake microphone playing a file).</param>
    public static async Task<BrowserSession> StartAsync(Uri baseAddress, ViewportSize? viewport = null, IEnumerable<string>? extraArgs = null)
    {
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException($"{ChromiumPath} is missing: run ./test.sh (it installs chromium with apt) or `apt-get install -y chromium`.");

        // A persistent context is how Playwright takes a user-data-dir (it refuses --user-data-dir in Args); a fresh
        // one per session keeps sessionStorage, cookies and caches from leaking between tests.
        var profileDirectory = Directory.CreateTempSubdirectory("pipeline-chromium-").FullName;
        var playwright = await Playwright.CreateAsync();
        try
        {
            var context = await playwright.Chromium.LaunchPersistentContextAsync(profileDirectory, new BrowserTypeLaunchPersistentContextOptions
            {
                ExecutablePath = ChromiumPath,
                Headless = true,
                Args = [.. ChromiumFlags, .. extraArgs ?? []],
                BaseURL = baseAddress.ToString(),
                ViewportSize = viewport ?? new ViewportSize { Width = 1280, Height = 900 },
            });
            var page = context.Pages.Count > 0 ? context.Pages[0] : await context.NewPageAsync();
            return new BrowserSession(playwright, context, page, profileDirectory);
        }
        catch
        {
            playwright.Dispose();
            Directory.Delete(profileDirectory, recursive: true);
            throw;
        }
    }

    public void AssertNoConsoleErrors()
    {
        var errors = ConsoleErrors;
        Assert.True(errors.Count == 0, "The page reported errors:\n" + string.Join('\n', errors));
    }

    public async ValueTask DisposeAsync()
    {
        await Context.CloseAsync();
        _playwright.Dispose();
        try
        {
            Directory.Delete(_profileDirectory, recursive: true);
        }
        catch (IOException)
        {
            // Chromium may still be flushing its profile as it exits; a leftover temp folder is harmless.
        }
    }

    private void Record(string error)
    {
        lock (_consoleErrorsLock) _consoleErrors.Add(error);
    }
}
