namespace Pipeline.Tests.Reliability;

/// <summary>The faults as the report names them.</summary>
public static class FaultNames
{
    public const string KillWorkers = "kill -9 a Handlers worker every few seconds";
    public const string RestartRabbitMq = "restart RabbitMQ mid-batch";
    public const string RestartPostgres = "restart PostgreSQL mid-batch";
    public const string StopRedis = "stop Redis mid-batch, start it again";
    public const string FailingLlm = "LLM fails 30% of calls (429 / 500 / timeout)";
    public const string MalformedLlmOutput = "LLM answers malformed or schema-violating JSON (25% of calls)";
    public const string PollingLoad = "500 concurrent status pollers (load test)";
}
