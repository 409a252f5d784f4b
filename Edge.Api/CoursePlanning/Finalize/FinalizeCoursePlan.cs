using FastEndpoints;
using Pipeline.Domain.Conversations;
using Pipeline.Domain.Tracks;
using Pipeline.Edge.Api.Errors;
using Pipeline.Edge.Api.Tracks;

namespace Pipeline.Edge.Api.CoursePlanning;

/// <summary>Seed 001 <c>POST /api/ai/finalize-course-plan</c>: Turns the session's draft plan (or the given plan) into the track's modules; finalising again updates </summary>
public sealed class FinalizeCoursePlan(PlanningTargets targets, TrackStore tracks, ConversationStore conversations) : Endpoint<FinalizeRequest, FinalizeResponse>
{
    public override void Configure()
    {
        Post("/api/ai/finalize-course-plan");
        Description(d => d.WithTags("AI"));
        Summary(s => s.Summary = "Turns the session's draft plan (or the given plan) into the track's modules; finalising again updates "
            + "them in place, never duplicating modules.");
    }

    public override async Task HandleAsync(FinalizeRequest r, CancellationToken ct)
    {
        var target = await targets.ResolveAsync(User, r, ct);
        if (target.Track is null) throw ApiException.BadRequest("The session has no track to add modules to.");
        var plan = r.Plan ?? PlanView.FromJson(target.Session!.DraftPlan)
            ?? throw ApiException.BadRequest("The session has no plan yet: generate one first (POST /api/ai/generate-plan).");
        if (r.Plan is not null) await conversations.SetDraftPlanAsync(target.Session!.Id, plan.ToJson(), ct);
        var modules = await tracks.SetModulesAsync(target.Track.Id, plan.ToModules(), ct);
        await Send.OkAsync(new FinalizeResponse(target.Track.Id, target.Session!.Id, modules.Select(ModuleResponse.From).ToList()), ct);
    }
}
