using System.Reflection;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Pipeline.Domain.Concepts;
using Pipeline.Domain.KnowledgeGraph;
using Pipeline.Domain.Trac;

namespace Pipeline.Handlers.Trac;

/// <summary>
/// Keeps <c>concepts</c>, their exercises and the Trac prerequisite edges in step with the <c>trac</c> schema: on start
/// it loads the starter curriculum into an empty schema, then polls for tickets whose <c>changetime</c> moved (Trac
/// bumps it on every change, custom fields included). Prerequisites come from MasterTickets' <c>blockedby</c> and
/// <c>blocking</c>; an edge that would close a cycle is skipped and reported in <c>trac_import_issues</c>.
/// Several Handlers instances may run it: every write is an idempotent upsert or a set replacement.
/// </summary>
public sealed class TracImporter(
    TracTicketStore trac,
    ConceptStore concepts,
    IKnowledgeGraph graph,
    TracImportIssueStore issues,
    IOptions<TracOptions> options,
    ILogger<TracImporter> logger) : BackgroundService
{
    private const int Batch = 500;
    private long _watermark = -1;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromMilliseconds(options.Value.PollIntervalMs);
        var loaded = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!loaded && options.Value.LoadStarterCurriculum)
                {
                    if (await trac.LoadIfEmptyAsync(ReadStarterCurriculum(), DateTimeOffset.UtcNow, stoppingToken))
                        logger.LogInformation("Loaded the starter curriculum into the empty trac schema");
                }
                loaded = true;
                await SyncAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The database may be migrating or briefly away: try again at the next poll.
                logger.LogWarning(e, "Trac import pass failed; retrying");
            }
            try
            {
                await Task.Delay(interval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>One pass: imports every ticket changed since the last pass; true when something changed.</summary>
    public async Task<bool> SyncAsync(CancellationToken ct)
    {
        if (_watermark < 0) _watermark = await concepts.LastChangeTimeAsync(ct);
        var changed = false;
        while (true)
        {
            var tickets = await trac.ChangedAfterAsync(_watermark, Batch, ct);
            if (tickets.Count == 0) break;
            foreach (var ticket in tickets)
                await concepts.UpsertAsync(TicketToConcept.Convert(ticket), ct);
            _watermark = tickets[^1].ChangeTime;
            changed = true;
            if (tickets.Count < Batch) break;
        }
        if (!changed) return false;
        await concepts.DeleteExceptAsync(await trac.TicketIdsAsync(ct), ct);
        await RebuildPrerequisitesAsync(ct);
        return true;
    }

    private async Task RebuildPrerequisitesAsync(CancellationToken ct)
    {
        // blockedby is authoritative for a ticket's prerequisites; MasterTickets mirrors it into the other tickets' blocking,
        // which is read only for tickets that have no blockedby field (data written by something other than the plugin).
        var fields = await trac.DependencyFieldsAsync(ct);
        var withBlockedBy = fields.Where(f => f.Name == TicketToConcept.BlockedBy).Select(f => f.Ticket).ToHashSet();
        var proposed = new SortedSet<(long Source, long Target)>();
        var declaredBy = new Dictionary<(long, long), long>();
        foreach (var (ticket, name, value) in fields)
            foreach (var other in TicketToConcept.TicketNumbers(value))
            {
                if (name == TicketToConcept.Blocking && withBlockedBy.Contains(other)) continue;
                var edge = name == TicketToConcept.BlockedBy ? (other, ticket) : (ticket, other);
                if (proposed.Add(edge)) declaredBy[edge] = ticket;
            }
        var instructorEdges = (await graph.PrerequisiteEdgesAsync("instructor", ct)).Select(e => (e.SourceId, e.TargetId));
        var (accepted, skipped) = PrerequisiteCycles.Filter(instructorEdges, proposed);
        foreach (var (source, target) in skipped)
        {
            var message = source == target
                ? $"Ticket #{source} lists itself as a prerequisite; the edge was skipped."
                : $"Ticket #{source} -> #{target} (blockedby/blocking) would close a prerequisite cycle; the edge was skipped.";
            if (await issues.ReportAsync(TracImportIssueStore.Cycle, declaredBy[(source, target)], source, target, message, ct))
                logger.LogWarning("Trac import: {Message}", message);
        }
        await graph.ReplaceTracPrerequisitesAsync(accepted, ct);
    }

    private static TracCurriculum ReadStarterCurriculum()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Pipeline.Handlers.Trac.StarterCurriculum.json")
            ?? throw new InvalidOperationException("The starter curriculum is not embedded in Handlers.");
        return JsonSerializer.Deserialize<TracCurriculum>(stream, new JsonSerializerOptions(JsonSerializerDefaults.Web))
            ?? throw new InvalidOperationException("The starter curriculum is empty.");
    }
}
