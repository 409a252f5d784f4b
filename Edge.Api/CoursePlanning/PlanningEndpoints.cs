using FastEndpoints;
using FluentValidation;
using Pipeline.Domain.Conversations;
using Pipeline.Domain.Tracks;
using Pipeline.Edge.Api.Auth;
using Pipeline.Edge.Api.Chats;
using Pipeline.Edge.Api.Conversations;
using Pipeline.Edge.Api.Errors;
using Pipeline.Edge.Api.RateLimits;
using Pipeline.Edge.Api.Tracks;

namespace Pipeline.Edge.Api.CoursePlanning;

// Seed 001 /api/ai: planning a track's course with the AI (plan, dialogue, welcome, finalisation).

public sealed class GeneratePlanRequest
{
    public long? TrackId { get; init; }
    public long? SessionId { get; init; }
    public long? ChatId { get; init; }
    public string? Title { get; init; }
    public string? Description { get; init; }
    public string? SkillArea { get; init; }
    public string? DifficultyLevel { get; init; }
    public double? EstimatedDurationHours { get; init; }
    public string? UserExpectations { get; init; }

    public sealed class Validator : Validator<GeneratePlanRequest>
    {
        public Validator() => TrackRules.Apply(this, r => r.Title, r => r.Description, r => r.SkillArea, r => r.DifficultyLevel,
            r => r.EstimatedDurationHours, r => r.UserExpectations, titleRequired: false);
    }
}

public sealed record GeneratePlanResponse(PlanView Plan, long? TrackId, long? SessionId, long? ChatId);

public sealed class GeneratePlan(TrackStore tracks, ConversationStore conversations, CoursePlanner planner)
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
        var target = await PlanningTarget.ResolveAsync(User, r.TrackId, r.SessionId, r.ChatId, tracks, conversations, ct);
        var dialogue = target.Chat ?? (target.Session is { } session
            ? (await conversations.ListAsync(session.OwnerId, ConversationKinds.Planning, session.Id, false, null, null, 0, 1, ct)).FirstOrDefault()
            : null);
        var plan = PlanView.From(await planner.PlanAsync(User.UserId(), target.Track,
            new PlanParameters(r.Title?.Trim(), r.Description, r.SkillArea, r.DifficultyLevel, r.EstimatedDurationHours, r.UserExpectations), dialogue, ct));
        if (target.Session is not null) await conversations.SetDraftPlanAsync(target.Session.Id, plan.ToJson(), ct);
        await Send.OkAsync(new GeneratePlanResponse(plan, target.Track?.Id, target.Session?.Id, target.Chat?.Id), ct);
    }
}

public sealed class ChatResponseRequest
{
    public string? Message { get; init; }
    public long? ChatId { get; init; }
    public long? SessionId { get; init; }
    public long? TrackId { get; init; }

    public sealed class Validator : Validator<ChatResponseRequest>
    {
        public Validator() => RuleFor(r => r.Message).Must(m => !string.IsNullOrWhiteSpace(m)).WithMessage("message must not be empty.")
            .MaximumLength(ConversationReplies.MaxMessageLength).WithMessage($"message must be at most {ConversationReplies.MaxMessageLength} characters.");
    }
}

public sealed record ChatResponseResponse(string Response, long ChatId, long SessionId, long MessageId, long UserMessageId, string Status);

public sealed class ChatResponse(TrackStore tracks, ConversationStore conversations, ConversationReplies replies)
    : Endpoint<ChatResponseRequest, ChatResponseResponse>
{
    public override void Configure()
    {
        Post("/api/ai/chat-response");
        PreProcessor<AiRateLimit<ChatResponseRequest>>();
        Description(d => d.WithTags("AI"));
        Summary(s => s.Summary = "The AI's reply in a planning chat; without chat_id a new chat is started (in session_id, the track's "
            + "newest session, or a new one) and its chat_id returned to continue with.");
    }

    public override async Task HandleAsync(ChatResponseRequest r, CancellationToken ct)
    {
        var target = await (await PlanningTarget.ResolveAsync(User, r.TrackId, r.SessionId, r.ChatId, tracks, conversations, ct))
            .WithChatAsync(User.UserId(), conversations, ct);
        var outcome = await replies.AskAsync(target.Chat!, r.Message!.Trim(), ct);
        await Send.OkAsync(new ChatResponseResponse(outcome.Reply.Content, target.Chat!.Id, target.Session!.Id, outcome.Reply.MessageId,
            outcome.Asked.Id, outcome.Reply.Status), ct);
    }
}

public sealed class WelcomeRequest
{
    public long? TrackId { get; init; }
    public long? SessionId { get; init; }
    public long? ChatId { get; init; }

    public sealed class Validator : Validator<WelcomeRequest>
    {
        public Validator() => RuleFor(r => r).Must(r => r.TrackId is not null || r.SessionId is not null || r.ChatId is not null)
            .WithName("track_id").WithMessage("track_id (or session_id or chat_id) is required.");
    }
}

public sealed record WelcomeResponse(string Message, PlanView Plan, long TrackId, long SessionId, long ChatId, long MessageId);

public sealed class WelcomeMessage(TrackStore tracks, ConversationStore conversations, CoursePlanner planner)
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
        var target = await PlanningTarget.ResolveAsync(User, r.TrackId, r.SessionId, r.ChatId, tracks, conversations, ct);
        var track = target.Track ?? throw ApiException.BadRequest("The session has no track to welcome the learner to.");
        target = await target.WithChatAsync(User.UserId(), conversations, ct);
        var generated = await planner.PlanAsync(User.UserId(), track, new PlanParameters(null, null, null, null, null, null), null, ct);
        var plan = PlanView.From(generated);
        var outline = string.Join("\n", plan.Modules.Select(m => $"{m.OrderIndex + 1}. {m.Title}"));
        var greeting = $"{generated.Greeting}\n\n{outline}";
        var stored = await conversations.AppendAsync(target.Chat!.Id, MessageRoles.Assistant, greeting, ct);
        await conversations.SetDraftPlanAsync(target.Session!.Id, plan.ToJson(), ct);
        await Send.OkAsync(new WelcomeResponse(greeting, plan, track.Id, target.Session.Id, target.Chat.Id, stored.Id), ct);
    }
}

public sealed class FinalizeRequest
{
    public long? SessionId { get; init; }
    public long? TrackId { get; init; }

    /// <summary>Optional: a plan (as generate-plan returns it) to use instead of the session's draft.</summary>
    public PlanView? Plan { get; init; }

    public sealed class Validator : Validator<FinalizeRequest>
    {
        public Validator()
        {
            RuleFor(r => r.SessionId).NotNull().WithMessage("session_id is required.");
            RuleFor(r => r.Plan).Must(plan => plan!.Modules is { Count: > 0 and <= 50 }).WithName("plan")
                .WithMessage("plan.modules must have 1 to 50 modules.").When(r => r.Plan is not null);
            RuleFor(r => r.Plan).Must(plan => plan!.Modules is null || plan.Modules.All(m => m is not null && !string.IsNullOrWhiteSpace(m.Title)
                    && m.Title.Length <= TrackRules.MaxTitleLength && m.EstimatedHours is null or >= 0))
                .WithName("plan").WithMessage("every module needs a title (at most 200 characters) and non-negative estimated_hours.")
                .When(r => r.Plan is not null);
        }
    }
}

public sealed record FinalizeResponse(long TrackId, long SessionId, IReadOnlyList<ModuleResponse> Modules);

public sealed class FinalizeCoursePlan(TrackStore tracks, ConversationStore conversations) : Endpoint<FinalizeRequest, FinalizeResponse>
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
        var target = await PlanningTarget.ResolveAsync(User, r.TrackId, r.SessionId, null, tracks, conversations, ct);
        if (target.Track is null) throw ApiException.BadRequest("The session has no track to add modules to.");
        var plan = r.Plan ?? PlanView.FromJson(target.Session!.DraftPlan)
            ?? throw ApiException.BadRequest("The session has no plan yet: generate one first (POST /api/ai/generate-plan).");
        if (r.Plan is not null) await conversations.SetDraftPlanAsync(target.Session!.Id, plan.ToJson(), ct);
        var modules = await tracks.SetModulesAsync(target.Track.Id, plan.ToModules(), ct);
        await Send.OkAsync(new FinalizeResponse(target.Track.Id, target.Session!.Id, modules.Select(ModuleResponse.From).ToList()), ct);
    }
}
