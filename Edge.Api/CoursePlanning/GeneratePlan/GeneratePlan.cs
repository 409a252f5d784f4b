using FastEndpoints;
using Pipeline.Domain.Conversations;
using Pipeline.Edge.Api.Auth;
using Pipeline.Edge.Api.RateLimits;

namespace Pipeline.Edge.Api.CoursePlanning;

/// <summary>Seed 001 <c>POST /api/ai/generate-plan</c>: A course plan (ordered modules) from the track's parameters or track_id; with session_id/chat_id it uses </summary>
public sealed class GeneratePlan(PlanningTargets targets, ConversationStore conversations, CoursePlanner planner)
    : Endpoint<GeneratePlanRequest, GeneratePlanResponse>
{
    public override void Configure()
    {
        Post("/api/ai/generate-plan");
        PreProcessor<AiRateLimit<GeneratePlanRequest>>();
        Description(d => d.WithTags("AI"));
        Summary(s => s.Summary = "A course plan (ordered modules) from the track's parameters or track_id; with session_id/chat_id it uses "
            + "that dialogue and is stored as the session's draft.");
    }

    public override async Task HandleAsync(GeneratePlanRequest r, CancellationToken ct)
    {
        var target = await targets.ResolveAsync(User, r, ct);
        var dialogue = target.Chat ?? (target.Session is { } session
            ? (await conversations.ListAsync(session.OwnerId, ConversationKinds.Planning, session.Id, false, null, null, 0, 1, ct)).FirstOrDefault()
            : null);
        var plan = PlanView.From(await planner.PlanAsync(User.UserId(), target.Track,
            new PlanParameters(r.Title?.Trim(), r.Description, r.SkillArea, r.DifficultyLevel, r.EstimatedDurationHours, r.UserExpectations), dialogue, ct));
        if (target.Session is not null) await conversations.SetDraftPlanAsync(target.Session.Id, plan.ToJson(), ct);
        await Send.OkAsync(new GeneratePlanResponse(plan, target.Track?.Id, target.Session?.Id, target.Chat?.Id), ct);
    }
}
