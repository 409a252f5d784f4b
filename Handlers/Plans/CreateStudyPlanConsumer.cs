using System.Globalization;
using System.Text;
using MassTransit;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using Pipeline.Handlers.Ai;
using Pipeline.Messages.Plans;

namespace Pipeline.Handlers.Plans;

/// <summary>
/// Seed 004's create-plan: one session per step on the next weekdays at <see cref="SessionHour"/>:00 in the user's time
/// zone (at most <see cref="MaxSessionHours"/> hours each; a longer step gets several), and a summary. The summary is the
/// LLM's when a provider is configured, otherwise the offline planner's, labelled and deterministic.
/// </summary>
public sealed class CreateStudyPlanConsumer(ConcurrencyLimitingChatClient chat, IOptions<AiOptions> ai, ILogger<CreateStudyPlanConsumer> logger)
    : IConsumer<CreateStudyPlan>
{
    public const int SessionHour = 18;
    public const double MaxSessionHours = 2;
    public const int MaxSessions = 60;
    public const string OfflineLabel = "[offline planner]";

    public async Task Consume(ConsumeContext<CreateStudyPlan> context)
    {
        var plan = context.Message;
        var sessions = Schedule(plan);
        var offline = ai.Value.EffectiveProvider == AiOptions.OfflineProvider;
        var summary = offline ? null : await SummaryFromModelAsync(plan, sessions, context.CancellationToken);
        await context.RespondAsync(new StudyPlanCreated(
            summary ?? $"{OfflineLabel} {sessions.Count} sessions for \"{plan.Title}\" on weekday evenings from {plan.FirstDay:yyyy-MM-dd}, one step at a time: "
                + string.Join("; ", plan.Steps.Select(s => s.Title)) + ".",
            summary is null ? AiOptions.OfflineProvider : AiOptions.OpenAiProvider,
            sessions));
    }

    public static IReadOnlyList<SuggestedSession> Schedule(CreateStudyPlan plan)
    {
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(plan.TimeZone, out var found) ? found : TimeZoneInfo.Utc;
        var sessions = new List<SuggestedSession>();
        var day = plan.FirstDay;
        foreach (var step in plan.Steps)
        {
            var remaining = Math.Max(0.5, step.Hours);
            var part = 1;
            var parts = (int)Math.Ceiling(remaining / MaxSessionHours);
            while (remaining > 0 && sessions.Count < MaxSessions)
            {
                while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday) day = day.AddDays(1);
                var hours = Math.Min(MaxSessionHours, remaining);
                var wallClock = day.ToDateTime(new TimeOnly(SessionHour, 0));
                var start = new DateTimeOffset(wallClock, zone.GetUtcOffset(wallClock));
                var title = parts > 1 ? $"{step.Title} ({part}/{parts})" : step.Title;
                sessions.Add(new SuggestedSession(title, step.Description, start, start.AddHours(hours)));
                remaining -= hours;
                part++;
                day = day.AddDays(1);
            }
        }
        return sessions;
    }

    private async Task<string?> SummaryFromModelAsync(CreateStudyPlan plan, IReadOnlyList<SuggestedSession> sessions, CancellationToken ct)
    {
        var prompt = new StringBuilder()
            .Append("Write a short, encouraging study plan summary (at most 5 sentences) for: ").Append(plan.Title).Append('\n')
            .Append(plan.Description).Append("\nSessions:\n");
        foreach (var s in sessions)
            prompt.Append("- ").Append(s.Start.ToString("ddd yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)).Append(": ").Append(s.Title).Append('\n');
        try
        {
            var response = await chat.GetResponseAsync([new ChatMessage(ChatRole.User, prompt.ToString())], cancellationToken: ct);
            return string.IsNullOrWhiteSpace(response.Text) ? null : response.Text.Trim();
        }
        catch (Exception e) when (e is AiPermanentException or AiTransientException or HttpRequestException or TaskCanceledException)
        {
            logger.LogWarning("The model could not write the plan summary, using the offline one: {Error}", e.Message);
            return null;
        }
    }
}
