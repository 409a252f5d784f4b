using System.Diagnostics;
using System.Text.Json;
using Pipeline.Tests.Infrastructure;
using Pipeline.Tests.LearnerConsole;

namespace Pipeline.Tests.TypeScriptClient;

/// <summary>
/// The TypeScript client in clients/typescript (types generated from /openapi/v1.json by openapi-typescript, calls by
/// openapi-fetch; regenerated and type-checked by scripts/tsclient.sh, which ./test.sh runs after the .NET build): it
/// calls the running API, it is generated from the document of the code as built (the committed client is not stale),
/// and the document describes parameters, bodies and answers as the API binds and writes them. On the console's system: a Node process needs a real port to call.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class Generated_client(ConsoleFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;
    private static string ClientFolder => Path.Combine(TestSettings.RepositoryRoot, "clients", "typescript");

    [Fact]
    public async Task Calls_the_running_api_with_typed_requests_and_documented_answers()
    {
        var smoke = Path.Combine(ClientFolder, "dist", "test", "smoke.js");
        Assert.True(File.Exists(smoke), $"{smoke} is missing: ./test.sh builds it (bash scripts/tsclient.sh)");

        var (exitCode, output) = await RunAsync("node", smoke, fixture.BaseAddress.ToString().TrimEnd('/'));

        Assert.True(exitCode == 0, $"the client's test failed ({exitCode}):\n{output}");
        var result = JsonDocument.Parse(output.Trim().Split('\n')[^1]).RootElement;
        Assert.True(result.GetProperty("ok").GetBoolean());
        Assert.True(result.GetProperty("calls").GetInt32() == 12);
        Assert.Equal("completed", result.GetProperty("goal").GetProperty("status").GetString());
        Assert.False(string.IsNullOrEmpty(result.GetProperty("error_401").GetString()));
    }

    [Fact]
    public async Task The_committed_client_is_generated_from_the_current_document()
    {
        var generator = Path.Combine(ClientFolder, "node_modules", "openapi-typescript", "bin", "cli.js");
        Assert.True(File.Exists(generator), $"{generator} is missing: ./test.sh installs it (bash scripts/tsclient.sh)");
        var folder = Directory.CreateTempSubdirectory("tsclient-");
        try
        {
            var document = Path.Combine(folder.FullName, "openapi.json");
            var generated = Path.Combine(folder.FullName, "schema.d.ts");
            // The document of the code as built, exported as scripts/tsclient.sh exports it (one host, nothing started).
            var api = Path.Combine(TestSettings.RepositoryRoot, "Edge.Api", "bin", "Release", "net10.0", "Pipeline.Edge.Api.dll");
            var (exported, exportOutput) = await RunAsync("dotnet", new Dictionary<string, string>
            {
                ["ConnectionStrings__Postgres"] = "Host=127.0.0.1;Database=unused",
                ["Redis__Configuration"] = "127.0.0.1:1",
                ["Auth__SigningKey"] = "openapi-export-only-placeholder-key-not-a-secret",
                ["Logging__LogLevel__Default"] = "Warning",
            }, api, "--export-openapi", document);
            Assert.True(exported == 0, $"Edge.Api did not export its document: {exportOutput}");

            var (exitCode, output) = await RunAsync("node", generator, document, "--output", generated, "--silent");

            Assert.True(exitCode == 0, output);
            var committed = (await CommittedAsync("clients/typescript/src/schema.d.ts")).Split('\n');
            var current = (await File.ReadAllTextAsync(generated, Cancel)).Split('\n');
            var first = Enumerable.Range(0, Math.Max(committed.Length, current.Length))
                .FirstOrDefault(i => i >= committed.Length || i >= current.Length || committed[i] != current[i], -1);
            Assert.True(first < 0,
                "clients/typescript/src/schema.d.ts is stale: the API's OpenAPI document changed since the client was generated. "
                + "Run `bash scripts/tsclient.sh` (./test.sh does it too) and commit clients/typescript. First difference, line "
                + $"{first + 1}:\n  committed: {committed.ElementAtOrDefault(first)}\n  now:       {current.ElementAtOrDefault(first)}");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task The_document_names_query_parameters_as_the_api_binds_them()
    {
        var paths = JsonDocument.Parse(await fixture.CreateClient().GetStringAsync("/openapi/v1.json", Cancel)).RootElement.GetProperty("paths");

        string[] Query(string path) => paths.GetProperty(path).GetProperty("get").GetProperty("parameters").EnumerateArray()
            .Where(p => p.GetProperty("in").GetString() == "query")
            .Select(p => p.GetProperty("name").GetString() + (p.TryGetProperty("required", out var r) && r.GetBoolean() ? "!" : ""))
            .ToArray();

        Assert.Equal(["course_id", "limit", "offset"], Query("/api/v1/notes"));
        Assert.Equal(["date", "limit", "offset"], Query("/api/v1/schedule"));
        Assert.Equal(["start_date", "end_date", "granularity"], Query("/api/learntrac/v1/progress/history"));
        // {concept_id} binds the request's ConceptId from the route: it is no query parameter too.
        Assert.Empty(Query("/api/learntrac/v1/concepts/{concept_id}"));
    }

    [Fact]
    public async Task The_document_describes_bodies_and_answers_as_the_api_speaks_them()
    {
        var document = JsonDocument.Parse(await fixture.CreateClient().GetStringAsync("/openapi/v1.json", Cancel)).RootElement;
        var paths = document.GetProperty("paths");
        var schemas = document.GetProperty("components").GetProperty("schemas");
        JsonElement Resolve(JsonElement schema) =>
            schema.TryGetProperty("$ref", out var reference) ? schemas.GetProperty(reference.GetString()!.Split('/')[^1]) : schema;

        // Enum values as ApiJson writes them (snake_case), not as the C# enum names them.
        var filter = paths.GetProperty("/api/v1/courses").GetProperty("get").GetProperty("parameters").EnumerateArray()
            .Single(p => p.GetProperty("name").GetString() == "filter").GetProperty("schema").GetProperty("allOf")[0];
        Assert.Equal(["enrolled", "created"], Resolve(filter).GetProperty("enum").EnumerateArray().Select(v => v.GetString()));
        // A created goal is answered with 201 and always carries its id and status (required), its due date may be null.
        var created = paths.GetProperty("/api/v1/goals").GetProperty("post").GetProperty("responses");
        Assert.False(created.TryGetProperty("200", out _));
        var goal = Resolve(created.GetProperty("201").GetProperty("content").GetProperty("application/json").GetProperty("schema"));
        var required = goal.GetProperty("required").EnumerateArray().Select(r => r.GetString()).ToList();
        Assert.Contains("id", required);
        Assert.Contains("status", required);
        Assert.DoesNotContain("due_date", required);
        // Route values are not asked for again in the body: removing a webhook sends none.
        Assert.False(paths.GetProperty("/api/learntrac/v1/webhooks/{webhook_id}").GetProperty("delete").TryGetProperty("requestBody", out _));
    }

    /// <summary>The file as committed (HEAD), so a regenerated but uncommitted client still counts as stale.</summary>
    private static async Task<string> CommittedAsync(string path)
    {
        var (exitCode, output) = await RunAsync("git", "-C", TestSettings.RepositoryRoot, "show", $"HEAD:{path}");
        // Not a git checkout (an unpacked archive): the file on disk is what was shipped.
        return exitCode == 0 ? output : await File.ReadAllTextAsync(Path.Combine(TestSettings.RepositoryRoot, path), Cancel);
    }

    private static Task<(int ExitCode, string Output)> RunAsync(string program, params string[] arguments) =>
        RunAsync(program, new Dictionary<string, string>(), arguments);

    private static async Task<(int ExitCode, string Output)> RunAsync(string program, Dictionary<string, string> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = ClientFolder };
        foreach (var (name, value) in environment) start.Environment[name] = value;
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(Cancel);
        var stderr = process.StandardError.ReadToEndAsync(Cancel);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(Cancel);
        deadline.CancelAfter(TimeSpan.FromSeconds(90));
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        var error = await stderr;
        return (process.ExitCode, process.ExitCode == 0 ? await stdout : await stdout + error);
    }
}
