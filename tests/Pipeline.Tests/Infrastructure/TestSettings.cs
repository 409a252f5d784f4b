using Npgsql;

namespace Pipeline.Tests.Infrastructure;

/// <summary>
/// Where the private instances started by ./test.sh listen. test.sh exports these as environment variables;
/// the defaults match scripts/infra.sh so the tests also run from an IDE after ./test.sh or ./run.sh started them.
/// </summary>
public static class TestSettings
{
    public static string PostgresAdmin => Env("ConnectionStrings__Postgres",
        "Host=127.0.0.1;Port=55432;Database=pipeline;Username=pipeline;Password=pipeline-dev;Maximum Pool Size=100");
    public static string RabbitHost => Env("RabbitMq__Host", "127.0.0.1");
    public static int RabbitPort => int.Parse(Env("RabbitMq__Port", "55672"));
    public static int RabbitManagementPort => int.Parse(Env("RabbitMq__ManagementPort", "55673"));
    public static string RabbitUser => Env("RabbitMq__Username", "guest");
    public static string RabbitPassword => Env("RabbitMq__Password", "guest");
    /// <summary>Creates and deletes the tests' virtual hosts (administrator); the hosts under test use <see cref="RabbitUser"/>.</summary>
    public static string RabbitAdminUser => Env("PIPELINE_RABBIT_ADMIN_USER", RabbitUser);
    public static string RabbitAdminPassword => Env("PIPELINE_RABBIT_ADMIN_PASSWORD", RabbitPassword);
    public static string Redis => Env("Redis__Configuration", "127.0.0.1:56379");
    public static string RepositoryRoot => FindRepositoryRoot();

    public static string PostgresFor(string database) =>
        new NpgsqlConnectionStringBuilder(PostgresAdmin) { Database = database }.ConnectionString;

    private static string Env(string name, string fallback) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : fallback;

    private static string FindRepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Pipeline.sln")))
            dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Pipeline.sln not found above the test binaries.");
    }
}
