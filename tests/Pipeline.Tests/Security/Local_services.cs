using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Pipeline.Tests.Infrastructure;

namespace Pipeline.Tests.Security;

/// <summary>
/// The services scripts/infra.sh runs for the tests (issue 18 item 11): Redis wants its password, the hosts' broker user
/// is no administrator, the secrets are their owner's alone, and the data folder is not postgres'.
/// </summary>
public sealed class Local_services
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static string DataDir => Environment.GetEnvironmentVariable("PIPELINE_DATA_DIR") is { Length: > 0 } dir
        ? dir
        : Path.Combine(TestSettings.RepositoryRoot, ".data");

    [Fact]
    public async Task Redis_answers_no_client_without_the_password()
    {
        var endpoint = TestSettings.Redis.Split(',')[0].Split(':');
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(endpoint[0], int.Parse(endpoint[1]), Cancel);
        var stream = tcp.GetStream();
        await stream.WriteAsync("PING\r\n"u8.ToArray(), Cancel);
        var buffer = new byte[256];
        var read = await stream.ReadAsync(buffer, Cancel);

        Assert.StartsWith("-NOAUTH", Encoding.ASCII.GetString(buffer, 0, read));
        Assert.Contains("password=", TestSettings.Redis);
    }

    [Fact]
    public async Task The_hosts_broker_user_is_not_an_administrator_and_not_guest()
    {
        using var management = new HttpClient { BaseAddress = new Uri($"http://{TestSettings.RabbitHost}:{TestSettings.RabbitManagementPort}/api/") };
        management.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{TestSettings.RabbitUser}:{TestSettings.RabbitPassword}")));

        using var whoami = JsonDocument.Parse(await management.GetStringAsync("whoami", Cancel));

        Assert.NotEqual("guest", TestSettings.RabbitUser);
        var tags = whoami.RootElement.GetProperty("tags");
        var names = tags.ValueKind == JsonValueKind.Array ? tags.EnumerateArray().Select(t => t.GetString()).ToArray() : [tags.GetString()];
        Assert.DoesNotContain("administrator", names);
    }

    [Theory]
    [InlineData("redis.password")]
    [InlineData("rabbitmq.password")]
    [InlineData("rabbitmq-admin.password")]
    [InlineData("redis/redis.conf")]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void Secrets_are_readable_by_their_owner_only(string file)
    {
        var path = Path.Combine(DataDir, file);

        Assert.True(File.Exists(path), $"{path} is missing");
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
    }

    [Fact]
    public async Task Only_the_database_folder_belongs_to_postgres()
    {
        var start = new ProcessStartInfo("stat", ["-c", "%U", DataDir]) { RedirectStandardOutput = true };
        using var stat = Process.Start(start)!;
        var owner = (await stat.StandardOutput.ReadToEndAsync(Cancel)).Trim();
        await stat.WaitForExitAsync(Cancel);

        Assert.Equal(0, stat.ExitCode);
        Assert.NotEqual("postgres", owner);
    }
}
