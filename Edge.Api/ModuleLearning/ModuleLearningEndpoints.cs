using System.Text.Json.Nodes;
using FastEndpoints;
using FluentValidation;
using MassTransit;
using Microsoft.Extensions.Options;
using Pipeline.Domain.Conversations;
using Pipeline.Domain.LearningEvents;
using Pipeline.Domain.Tracks;
using Pipeline.Edge.Api.Auth;
using Pipeline.Edge.Api.Chats;
using Pipeline.Edge.Api.Conversations;
using Pipeline.Edge.Api.CoursePlanning;
using Pipeline.Edge.Api.Errors;
using Pipeline.Edge.Api.RateLimits;
using Pipeline.Edge.Api.Tracks;
using Pipeline.Messages.Tracks;

namespace Pipeline.Edge.Api.ModuleLearning;

// Seed 001 /api/ai: learning a track's modules with an AI tutor (lesson materials, the module's chat, completion).

public sealed class ModuleRequest
{
    public long? ModuleId { get; init; }

    public sealed class Validator : Validator<ModuleRequest>
    {
        public Validator() => RuleFor(r => r.ModuleId).NotNull().WithMessage("module_id is required.");
    }
}

public sealed record LessonResponse(long ModuleId, string TaskId, string Status, JsonNode? Lesson);

public sealed class GenerateLessonEndpoint(TrackStore tracks, LessonTaskStore lessonTasks, IRequestClient<GenerateLesson> lessons,
    ISendEndpointProvider sendEndpoints, IOptions<CoursePlanningOptions> options) : Endpoint<ModuleRequest, LessonResponse>
{
    public override void Configure()
    {
        Post("/api/ai/generate-lesson");
        PreProcessor<AiRateLimit<ModuleRequest>>();
        Description(d => d.WithTags("AI"));
        Summary(s => s.Summary = "Lesson materials for a module (explanation in Markdown, worked examples, exercises, quiz), stored on the "
            + "module: 200 with the lesson when ready within the configured wait, else 202 with a task_id to follow on /api/tasks.");
    }

    public override async Task HandleAsync(ModuleRequest r, CancellationToken ct)
    {
        var module = await tracks.GetOwnedModuleAsync(r.ModuleId!.Value, User, ct);
        var (taskId, task) = await lessonTasks.CreateAsync(User.UserId(), module.Id, module.Title, ct);
        var command = new GenerateLesson(taskId, User.UserId(), module.Id);
        var wait = options.Value.LessonWaitSeconds;
        try
        {
            if (wait == 0)
            {
                await (await sendEndpoints.GetSendEndpoint(Messages.QueueNames.Address(Messages.QueueNames.GenerateLesson))).Send(command, ct);
                await Send.ResponseAsync(new LessonResponse(module.Id, task.TaskId, task.Status, null), StatusCodes.Status202Accepted, ct);
                return;
            }
            var response = await lessons.GetResponse<LessonGenerated, LessonGenerationFailed>(command, ct, RequestTimeout.After(s: wait));
            if (response.Is(out Response<LessonGenerationFailed>? failed))
                throw new ApiException(StatusCodes.Status502BadGateway, $"The AI could not write the lesson: {failed.Message.Reason}");
        }
        catch (RequestTimeoutException)
        {
            await Send.ResponseAsync(new LessonResponse(module.Id, task.TaskId, task.Status, null), StatusCodes.Status202Accepted, ct);
            return;
        }
        catch (Exception e) when (e is not (ApiException or OperationCanceledException))
        {
            await lessonTasks.EndAsync(taskId, succeeded: false, "The task queue is unavailable.", CancellationToken.None);
            throw new ApiException(StatusCodes.Status503ServiceUnavailable, "The AI service is unavailable; please try again.");
        }
        var stored = await tracks.GetModuleAsync(module.Id, ct);
        await Send.OkAsync(new LessonResponse(module.Id, task.TaskId, "completed", stored?.Lesson), ct);
    }
}

public sealed record ModuleChatStart(long ChatId, ModuleResponse Module, MessageView Message);

/// <summary>The module chat of a user (one per module), created with the tutor's opening message when first needed.</summary>
public sealed class ModuleChats(ConversationStore conversations, ConversationReplies replies)
{
    public const string OpeningInstruction =
        "The learner is starting this module. Greet them, say in two sentences what the module covers, and ask what they already know.";

    public async Task<Conversation?> FindAsync(long userId, TrackModule module, CancellationToken ct) =>
        (await conversations.ListAsync(userId, ConversationKinds.Module, null, false, null, module.Id, 0, 1, ct)).FirstOrDefault();

    /// <summary>The module's chat and its opening tutor message (asked for once; a second start returns the same).</summary>
    public async Task<(Conversation Chat, ConversationMessage Opening)> StartAsync(long userId, TrackModule module, CancellationToken ct)
    {
        var chat = await FindAsync(userId, module, ct) ?? await conversations.CreateAsync(new NewConversation(ConversationKinds.Module, userId,
            module.Title, CourseId: module.TrackId, ModuleId: module.Id), ct);
        var messages = await conversations.ListMessagesAsync(chat.Id, null, includeSystem: true, ct);
        var instruction = messages.FirstOrDefault(m => m.Role == MessageRoles.System);
        long replyId;
        if (instruction is null)
            replyId = (await replies.AskAsync(chat, OpeningInstruction, ct, MessageRoles.System)).Reply.MessageId;
        else
            replyId = messages.FirstOrDefault(m => m.ReplyTo == instruction.Id && m.Status != MessageStatuses.Streaming)?.Id
                ?? (await replies.WaitForReplyAsync(chat, instruction.Id, ct)).MessageId;
        return (chat, (await conversations.GetMessageAsync(replyId, ct))!);
    }
}

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

public sealed class ModuleChatRequest
{
    public long? ModuleId { get; init; }
    public long? ChatId { get; init; }
    public string? Message { get; init; }

    public sealed class Validator : Validator<ModuleChatRequest>
    {
        public Validator()
        {
            RuleFor(r => r).Must(r => r.ModuleId is not null || r.ChatId is not null).WithName("module_id")
                .WithMessage("module_id (or chat_id) is required.");
            RuleFor(r => r.Message).Must(m => !string.IsNullOrWhiteSpace(m)).WithMessage("message must not be empty.")
                .MaximumLength(ConversationReplies.MaxMessageLength).WithMessage($"message must be at most {ConversationReplies.MaxMessageLength} characters.");
        }
    }
}

public sealed record ModuleChatResponse(string Response, long ChatId, long ModuleId, long MessageId, long UserMessageId, string Status);

public sealed class ModuleChat(TrackStore tracks, ConversationStore conversations, ConversationReplies replies, ModuleChats moduleChats)
    : Endpoint<ModuleChatRequest, ModuleChatResponse>
{
    public override void Configure()
    {
        Post("/api/ai/module-chat");
        PreProcessor<AiRateLimit<ModuleChatRequest>>();
        Description(d => d.WithTags("AI"));
        Summary(s => s.Summary = "A message in a module's chat (by chat_id or module_id) and the tutor's reply.");
    }

    public override async Task HandleAsync(ModuleChatRequest r, CancellationToken ct)
    {
        var chat = await ModuleChatOf(r.ChatId, r.ModuleId, ct);
        var outcome = await replies.AskAsync(chat, r.Message!.Trim(), ct);
        await Send.OkAsync(new ModuleChatResponse(outcome.Reply.Content, chat.Id, chat.ModuleId!.Value, outcome.Reply.MessageId, outcome.Asked.Id,
            outcome.Reply.Status), ct);
    }

    private async Task<Conversation> ModuleChatOf(long? chatId, long? moduleId, CancellationToken ct)
    {
        if (chatId is { } id)
        {
            var chat = await conversations.GetOwnedChatAsync(id, User, ct, ConversationKinds.Module);
            if (moduleId is { } m && m != chat.ModuleId) throw ApiException.BadRequest("chat_id is not that module's chat.");
            return chat;
        }
        var module = await tracks.GetOwnedModuleAsync(moduleId!.Value, User, ct);
        return await moduleChats.FindAsync(User.UserId(), module, ct)
            ?? await conversations.CreateAsync(new NewConversation(ConversationKinds.Module, User.UserId(), module.Title, CourseId: module.TrackId,
                ModuleId: module.Id), ct);
    }
}

public sealed record ModuleChatHistoryResponse(long? ChatId, long ModuleId, IReadOnlyList<MessageView> Messages);

public sealed class ModuleChatHistoryRequest
{
    public long? ModuleId { get; init; }
    public long? ChatId { get; init; }

    public sealed class Validator : Validator<ModuleChatHistoryRequest>
    {
        public Validator() => RuleFor(r => r).Must(r => r.ModuleId is not null || r.ChatId is not null).WithName("module_id")
            .WithMessage("module_id (or chat_id) is required.");
    }
}

public sealed class ModuleChatHistory(TrackStore tracks, ConversationStore conversations, ModuleChats moduleChats)
    : Endpoint<ModuleChatHistoryRequest, ModuleChatHistoryResponse>
{
    public override void Configure()
    {
        Post("/api/ai/module-chat-history");
        Description(d => d.WithTags("AI"));
        Summary(s => s.Summary = "A module chat's messages, oldest first (none before module-learning-start).");
    }

    public override async Task HandleAsync(ModuleChatHistoryRequest r, CancellationToken ct)
    {
        Conversation? chat;
        long moduleId;
        if (r.ChatId is { } chatId)
        {
            chat = await conversations.GetOwnedChatAsync(chatId, User, ct, ConversationKinds.Module);
            moduleId = chat.ModuleId!.Value;
            if (r.ModuleId is { } m && m != moduleId) throw ApiException.BadRequest("chat_id is not that module's chat.");
        }
        else
        {
            var module = await tracks.GetOwnedModuleAsync(r.ModuleId!.Value, User, ct);
            moduleId = module.Id;
            chat = await moduleChats.FindAsync(User.UserId(), module, ct);
        }
        var messages = chat is null ? [] : await conversations.ListMessagesAsync(chat.Id, null, includeSystem: false, ct);
        await Send.OkAsync(new ModuleChatHistoryResponse(chat?.Id, moduleId, messages.Select(MessageView.From).ToList()), ct);
    }
}

public sealed record ModuleCompleteResponse(long ModuleId, bool Completed, ModuleResponse? NextModule, bool TrackCompleted, int CompletedModules,
    int TotalModules);

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
