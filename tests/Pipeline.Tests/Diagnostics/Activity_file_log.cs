using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting.Internal;
using Pipeline.ServiceDefaults.Diagnostics;

namespace Pipeline.Tests.Diagnostics;

/// <summary>
/// The activity log behind <c>./bench.sh hops</c>: one line per finished activity of the sources it follows. Its listener
/// hears the whole process, so it runs alone: other tests' bus activities (MassTransit 8.5 traces more of them) would
/// land in its file.
/// </summary>
[Collection(ActivityFileLogCollection.Name)]
public sealed class Activity_file_log
{
    [Fact]
    public async Task Writes_a_line_per_finished_bus_activity_with_its_trace_and_destination_and_ignores_other_sources()
    {
        var folder = Directory.CreateTempSubdirectory("activity-log-").FullName;
        try
        {
            var configuration = new ConfigurationBuilder().AddInMemoryCollection([new(ActivityFileLog.Setting, folder)]).Build();
            var log = new ActivityFileLog(configuration, new HostingEnvironment { ApplicationName = "Probe" });
            await log.StartAsync(CancellationToken.None);
            using var bus = new ActivitySource("MassTransit");
            using var other = new ActivitySource("Somebody.Else");

            string traceId;
            using (var send = bus.StartActivity("learning-path-saga send")!)
            {
                send.SetTag("messaging.destination.name", "learning-path-saga");
                traceId = send.TraceId.ToHexString();
                using var ignored = other.StartActivity("not ours"); // a source the log does not follow: no line
            }
            await log.StopAsync(CancellationToken.None);

            var line = Assert.Single(File.ReadAllLines(Assert.Single(Directory.GetFiles(folder, "Probe-*.tsv")))).Split('\t');
            Assert.Equal(traceId, line[2]);
            Assert.Equal(["MassTransit", "learning-path-saga send", "learning-path-saga"], line[3..6]);
            var startedAt = DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(line[0]) / 1000);
            Assert.InRange(startedAt, DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow);
            Assert.True(long.Parse(line[1]) >= 0);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ActivityFileLogCollection
{
    public const string Name = "Activity file log (alone)";
}
