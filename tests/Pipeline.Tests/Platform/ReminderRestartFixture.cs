using Pipeline.Tests.Infrastructure;

namespace Pipeline.Tests.Platform;

/// <summary>Edge.Api in process on a real port; Handlers only as child processes the test starts and kills.</summary>
public sealed class ReminderRestartFixture : PipelineFixture
{
    protected override bool ListensOnRealPort => true;

    protected override bool HostsHandlersInProcess => false;
}

[CollectionDefinition(Name)]
public sealed class ReminderRestartCollection : ICollectionFixture<ReminderRestartFixture>
{
    public const string Name = "Platform reminder restarts";
}
