using FastEndpoints;
using Pipeline.Domain.Tracks;
using Pipeline.Edge.Api.Auth;
using Pipeline.Edge.Api.Chats;
using Pipeline.Edge.Api.RateLimits;
using Pipeline.Edge.Api.Tracks;

namespace Pipeline.Edge.Api.ModuleLearning;

/// <summary>Seed 001 <c>POST /api/ai/module-learning-start</c>: Starts learning a module: its chat, with the tutor's opening message (the same chat when started again).</summary>
public sealed class ModuleLearningStart(TrackStore tracks, ModuleChats moduleChats) : Endpoint<ModuleRequest, ModuleChatStart>
{
    public override void Configure()
    {
        Post("/api/ai/module-learning-start");
        PreProcessor<AiRateLimit<ModuleRequest>>();
        Description(d => d.WithTags("AI"));
        Summary(s => s.Summary = "Starts learning a module: its chat, with the tutor's opening message (the same chat when started again).");
    }

    public override async Task HandleAsync(ModuleRequest r, CancellationToken ct)
    {
        var module = await tracks.GetOwnedModuleAsync(r.ModuleId!.Value, User, ct);
        var (chat, opening) = await moduleChats.StartAsync(User.UserId(), module, ct);
        await Send.OkAsync(new ModuleChatStart(chat.Id, ModuleResponse.From(module), MessageView.From(opening)), ct);
    }
}
