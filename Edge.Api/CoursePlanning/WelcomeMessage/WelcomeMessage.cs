using FastEndpoints;
using Pipeline.Domain.Conversations;
using Pipeline.Edge.Api.Auth;
using Pipeline.Edge.Api.RateLimits;

namespace Pipeline.Edge.Api.CoursePlanning;

/// <summary>Seed 001 <c>POST /api/ai/welcome-message</c>: A greeting and a preliminary plan for a track: the greeting opens a chat (stored as the AI's first </summary>
public sealed class WelcomeMessage(PlanningTargets targets, ConversationStore conversations, CoursePlanner planner)
    : Endpoint<WelcomeRequest, WelcomeResponse>
{
    public override void Configure()
    {
        Post("/api/ai/welcome-message");
        PreProcessor<AiRateLimit<WelcomeRequest>>();
        Description(d => d.WithTags("AI"));
        Summary(s => s.Summary = "A greeting and a preliminary plan for a track: the greeting opens a chat (stored as the AI's first "
            + "message), the plan becomes the session's draft.");
    }

    public override async Task HandleAsync(WelcomeRequest r, CancellationToken ct)
    {
        var target = await targets.ResolveWithChatAsync(User, r, ct, noTrack: "The session has no track to welcome the learner to.");
        var track = target.Track!;
        var generated = await planner.PlanAsync(User.UserId(), track, new PlanParameters(null, null, null, null, null, null), null, ct);
        var plan = PlanView.From(generated);
        var outline = string.Join("\n", plan.Modules.Select(m => $"{m.OrderIndex + 1}. {m.Title}"));
        var greeting = $"{generated.Greeting}\n\n{outline}";
        var stored = await conversations.AppendAsync(target.Chat!.Id, MessageRoles.Assistant, greeting, ct);
        await conversations.SetDraftPlanAsync(target.Session!.Id, plan.ToJson(), ct);
        await Send.OkAsync(new WelcomeResponse(greeting, plan, track.Id, target.Session.Id, target.Chat.Id, stored.Id), ct);
    }
}
