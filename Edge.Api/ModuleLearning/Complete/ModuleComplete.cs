using System.Text.Json.Nodes;
using FastEndpoints;
using FluentValidation;
using Pipeline.Domain.LearningEvents;
using Pipeline.Domain.Tracks;
using Pipeline.Edge.Api.Auth;
using Pipeline.Edge.Api.Tracks;

namespace Pipeline.Edge.Api.ModuleLearning;

/// <summary>Seed 001 <c>POST /api/ai/module-complete</c>: Marks a module done (once; a learning event 'completed' is recorded) and answers with the next module.</summary>
public sealed class ModuleComplete(TrackStore tracks, LearningEventStore events) : Endpoint<ModuleRequest, ModuleCompleteResponse>
{
    public override void Configure()
    {
        Post("/api/ai/module-complete");
        Description(d => d.WithTags("AI"));
        Summary(s => s.Summary = "Marks a module done (once; a learning event 'completed' is recorded) and answers with the next module.");
    }

    public override async Task HandleAsync(ModuleRequest r, CancellationToken ct)
    {
        var module = await tracks.GetOwnedModuleAsync(r.ModuleId!.Value, User, ct);
        var userId = User.UserId();
        await tracks.CompleteModuleAsync(userId, module.Id, ct);
        await events.AppendAsync(new LearningEvent(userId, "completed", "module", module.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Completion: true, Success: true, Context: new JsonObject { ["track_id"] = module.TrackId, ["module_title"] = module.Title },
            DedupKey: $"module-complete:{userId}:{module.Id}"), ct);
        var modules = await tracks.ListModulesAsync(module.TrackId, ct);
        var next = modules.Where(m => m.Position > module.Position && !m.IsCompleted).MinBy(m => m.Position)
            ?? modules.Where(m => !m.IsCompleted).MinBy(m => m.Position);
        var done = modules.Count(m => m.IsCompleted);
        await Send.OkAsync(new ModuleCompleteResponse(module.Id, true, next is null ? null : ModuleResponse.From(next), done == modules.Count, done,
            modules.Count), ct);
    }
}
