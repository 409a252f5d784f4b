using System.Globalization;
using System.Text;
using Pipeline.Operations.Metrics;

namespace Pipeline.Edge.Api.Operations.Metrics;

/// <summary>The metrics snapshot in Prometheus' text exposition format (version 0.0.4).</summary>
public static class PrometheusText
{
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    public static string Write(MetricsSnapshot snapshot)
    {
        var text = new StringBuilder();
        Family(text, "pipeline_queue_messages", "gauge", "Messages in the queue (ready + unacknowledged).");
        foreach (var q in snapshot.Queues) Sample(text, "pipeline_queue_messages", [("queue", q.Name)], q.Messages);
        Family(text, "pipeline_queue_consumers", "gauge", "Consumers attached to the queue.");
        foreach (var q in snapshot.Queues) Sample(text, "pipeline_queue_consumers", [("queue", q.Name)], q.Consumers);

        Family(text, "pipeline_messages_processed_total", "counter", "Messages consumed successfully, all instances.");
        foreach (var t in snapshot.MessageTypes) Sample(text, "pipeline_messages_processed_total", [("message_type", t.MessageType)], t.Processed);
        Family(text, "pipeline_messages_failed_total", "counter", "Failed consume attempts, all instances.");
        foreach (var t in snapshot.MessageTypes) Sample(text, "pipeline_messages_failed_total", [("message_type", t.MessageType)], t.Failed);
        Family(text, "pipeline_messages_retried_total", "counter", "Deliveries that were retries or redeliveries, all instances.");
        foreach (var t in snapshot.MessageTypes) Sample(text, "pipeline_messages_retried_total", [("message_type", t.MessageType)], t.Retried);

        Histogram(text, "pipeline_message_processing_seconds", "Time spent in the consumer.", snapshot.MessageTypes,
            t => (t.ProcessingBuckets, t.ProcessingMsSum));
        Histogram(text, "pipeline_message_critical_time_seconds", "Time from send to processed.", snapshot.MessageTypes,
            t => (t.CriticalBuckets, t.CriticalMsSum));

        Family(text, "pipeline_stage_duration_seconds", "summary", "Duration of pipeline stages over tasks.");
        foreach (var s in snapshot.Stages)
        {
            Sample(text, "pipeline_stage_duration_seconds", [("stage", s.Stage), ("quantile", "0.5")], s.P50Seconds);
            Sample(text, "pipeline_stage_duration_seconds", [("stage", s.Stage), ("quantile", "0.95")], s.P95Seconds);
            Sample(text, "pipeline_stage_duration_seconds_count", [("stage", s.Stage)], s.Tasks);
        }

        Family(text, "pipeline_llm_tokens_total", "counter", "LLM tokens used by tasks.");
        foreach (var l in snapshot.Llm)
        {
            Sample(text, "pipeline_llm_tokens_total", [("provider", l.Provider), ("model", l.Model), ("kind", "prompt")], l.PromptTokens);
            Sample(text, "pipeline_llm_tokens_total", [("provider", l.Provider), ("model", l.Model), ("kind", "completion")], l.CompletionTokens);
        }
        Family(text, "pipeline_llm_calls_total", "counter", "LLM calls made by tasks.");
        foreach (var l in snapshot.Llm) Sample(text, "pipeline_llm_calls_total", [("provider", l.Provider), ("model", l.Model)], l.Calls);

        Family(text, "pipeline_failed_messages", "gauge", "Failed messages by status.");
        Sample(text, "pipeline_failed_messages", [("status", "unresolved")], snapshot.FailedMessages.Unresolved);
        Sample(text, "pipeline_failed_messages", [("status", "archived")], snapshot.FailedMessages.Archived);
        Sample(text, "pipeline_failed_messages", [("status", "retried")], snapshot.FailedMessages.Retried);

        Family(text, "pipeline_endpoint_up", "gauge", "1 while the instance sends heartbeats.");
        foreach (var (endpoint, instance, up) in snapshot.Endpoints)
            Sample(text, "pipeline_endpoint_up", [("endpoint", endpoint), ("instance", instance)], up ? 1 : 0);
        return text.ToString();
    }

    private static void Histogram(StringBuilder text, string name, string help, IEnumerable<MessageTypeSnapshot> types,
        Func<MessageTypeSnapshot, (long[] Buckets, double MsSum)> select)
    {
        Family(text, name, "histogram", help);
        foreach (var type in types)
        {
            var (buckets, msSum) = select(type);
            long cumulative = 0;
            for (var i = 0; i < buckets.Length; i++)
            {
                cumulative += buckets[i];
                var le = i < MessageTimingBuckets.UpperBoundsMs.Length
                    ? (MessageTimingBuckets.UpperBoundsMs[i] / 1000).ToString(CultureInfo.InvariantCulture)
                    : "+Inf";
                Sample(text, name + "_bucket", [("message_type", type.MessageType), ("le", le)], cumulative);
            }
            Sample(text, name + "_sum", [("message_type", type.MessageType)], msSum / 1000);
            Sample(text, name + "_count", [("message_type", type.MessageType)], cumulative);
        }
    }

    private static void Family(StringBuilder text, string name, string type, string help) =>
        text.Append("# HELP ").Append(name).Append(' ').Append(help).Append('\n')
            .Append("# TYPE ").Append(name).Append(' ').Append(type).Append('\n');

    private static void Sample(StringBuilder text, string name, (string Name, string Value)[] labels, double value)
    {
        text.Append(name).Append('{');
        text.AppendJoin(',', labels.Select(l => $"{l.Name}=\"{Escape(l.Value)}\""));
        text.Append("} ").Append(value.ToString(CultureInfo.InvariantCulture)).Append('\n');
    }

    private static string Escape(string value) => value.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("\n", "\\n");
}
