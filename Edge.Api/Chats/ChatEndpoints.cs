using FastEndpoints;
using FluentValidation;
using Pipeline.Domain.Conversations;
using Pipeline.Domain.Tracks;
using Pipeline.Edge.Api.Auth;
using Pipeline.Edge.Api.Errors;
using Pipeline.Edge.Api.Tracks;

namespace Pipeline.Edge.Api.Chats;

// Seed 001 /api/chat: planning sessions (one per planning effort on a track) and the chats inside them.

public sealed class CreateSessionRequest
{
    public long? TrackId { get; init; }
    public string? Title { get; init; }

    public sealed class Validator : Validator<CreateSessionRequest>
    {
        public Validator()
        {
            RuleFor(r => r.TrackId).NotNull().WithMessage("track_id is required.");
            RuleFor(r => r.Title).MaximumLength(TrackRules.MaxTitleLength).WithMessage($"title must be at most {TrackRules.MaxTitleLength} characters.");
        }
    }
}

public sealed class CreateSession(TrackStore tracks, ConversationStore conversations) : Endpoint<CreateSessionRequest, SessionResponse>
{
    public override void Configure()
    {
        Post("/api/chat/sessions");
        Description(d => d.WithTags("Chat"));
        Summary(s => s.Summary = "Creates a planning session for a track (201).");
    }

    public override async Task HandleAsync(CreateSessionRequest request, CancellationToken ct)
    {
        var track = await tracks.GetOwnedTrackAsync(request.TrackId!.Value, User, ct);
        var session = await conversations.CreateAsync(new NewConversation(ConversationKinds.Planning, User.UserId(),
            string.IsNullOrWhiteSpace(request.Title) ? $"Planning: {track.Title}" : request.Title.Trim(), CourseId: track.Id), ct);
        await Send.ResponseAsync(SessionResponse.From(session), StatusCodes.Status201Created, ct);
    }
}

public sealed class CreateChatRequest
{
    public long? SessionId { get; init; }
    public string? Title { get; init; }

    public sealed class Validator : Validator<CreateChatRequest>
    {
        public Validator()
        {
            RuleFor(r => r.SessionId).NotNull().WithMessage("session_id is required.");
            RuleFor(r => r.Title).MaximumLength(TrackRules.MaxTitleLength).WithMessage($"title must be at most {TrackRules.MaxTitleLength} characters.");
        }
    }
}

public sealed class CreateChat(ConversationStore conversations) : Endpoint<CreateChatRequest, ChatSummary>
{
    public override void Configure()
    {
        Post("/api/chat/chats");
        Description(d => d.WithTags("Chat"));
        Summary(s => s.Summary = "Creates a chat inside a session (201).");
    }

    public override async Task HandleAsync(CreateChatRequest request, CancellationToken ct)
    {
        var session = await conversations.GetOwnedSessionAsync(request.SessionId!.Value, User, ct);
        var chat = await conversations.CreateAsync(new NewConversation(ConversationKinds.Planning, session.OwnerId,
            string.IsNullOrWhiteSpace(request.Title) ? "New chat" : request.Title.Trim(), ParentId: session.Id, CourseId: session.CourseId), ct);
        await Send.ResponseAsync(ChatSummary.From(chat), StatusCodes.Status201Created, ct);
    }
}

public sealed class SessionIdRequest
{
    [BindFrom("session_id")] public long SessionId { get; init; }
}

public sealed class ListSessionChats(ConversationStore conversations) : Endpoint<SessionIdRequest, IReadOnlyList<ChatSummary>>
{
    public override void Configure()
    {
        Get("/api/chat/sessions/{session_id}/chats");
        Description(d => d.WithTags("Chat"));
    }

    public override async Task HandleAsync(SessionIdRequest request, CancellationToken ct)
    {
        var session = await conversations.GetOwnedSessionAsync(request.SessionId, User, ct);
        var chats = await conversations.ListAsync(session.OwnerId, ConversationKinds.Planning, session.Id, false, null, null, 0, 500, ct);
        await Send.OkAsync(chats.Select(ChatSummary.From).ToList(), ct);
    }
}

public sealed class ChatIdRequest
{
    [BindFrom("chat_id")] public long ChatId { get; init; }
}

public sealed class ListChatMessages(ConversationStore conversations) : Endpoint<ChatIdRequest, IReadOnlyList<MessageView>>
{
    public override void Configure()
    {
        Get("/api/chat/chats/{chat_id}/messages");
        Description(d => d.WithTags("Chat"));
        Summary(s => s.Summary = "A chat's messages, oldest first (an assistant reply in progress has status streaming).");
    }

    public override async Task HandleAsync(ChatIdRequest request, CancellationToken ct)
    {
        var chat = await conversations.GetAsync(request.ChatId, ct);
        if (chat is null || chat.OwnerId != User.UserId() || chat.ParentId is null && chat.Kind == ConversationKinds.Planning)
            throw ApiException.NotFound("Chat not found");
        var messages = await conversations.ListMessagesAsync(chat.Id, null, includeSystem: false, ct);
        await Send.OkAsync(messages.Select(MessageView.From).ToList(), ct);
    }
}

public sealed class ListSessions(ConversationStore conversations) : Endpoint<ListTracksRequest, IReadOnlyList<SessionResponse>>
{
    public override void Configure()
    {
        Get("/api/chat/sessions");
        Description(d => d.WithTags("Chat"));
        Summary(s => s.Summary = "The caller's planning sessions, newest first.");
    }

    public override async Task HandleAsync(ListTracksRequest request, CancellationToken ct)
    {
        var sessions = await conversations.ListAsync(User.UserId(), ConversationKinds.Planning, null, true, null, null, request.Skip, request.Limit, ct);
        await Send.OkAsync(sessions.Select(SessionResponse.From).ToList(), ct);
    }
}

public sealed class StatusRequest
{
    [BindFrom("session_id")] public long SessionId { get; init; }
    [BindFrom("chat_id")] public long ChatId { get; init; }
    public string? Status { get; init; }

    public sealed class Validator : Validator<StatusRequest>
    {
        public Validator() => RuleFor(r => r.Status).Must(ConversationStatuses.IsKnown)
            .WithMessage($"status must be one of: {string.Join(", ", ConversationStatuses.All)}.");
    }
}

public sealed class SetSessionStatus(ConversationStore conversations) : Endpoint<StatusRequest, SessionResponse>
{
    public override void Configure()
    {
        Put("/api/chat/sessions/{session_id}/status");
        Policies(Auth.Policies.RegisteredUser);
        Description(d => d.WithTags("Chat"));
        Summary(s => s.Summary = "Sets a session's status: active, paused, completed or archived (registered users only: guests get 403).");
    }

    public override async Task HandleAsync(StatusRequest request, CancellationToken ct)
    {
        var session = await conversations.GetOwnedSessionAsync(request.SessionId, User, ct);
        await conversations.SetStatusAsync(session.Id, request.Status!, ct);
        await Send.OkAsync(SessionResponse.From((await conversations.GetAsync(session.Id, ct))!), ct);
    }
}

public sealed class SetChatStatus(ConversationStore conversations) : Endpoint<StatusRequest, ChatSummary>
{
    public override void Configure()
    {
        Put("/api/chat/chats/{chat_id}/status");
        Description(d => d.WithTags("Chat"));
        Summary(s => s.Summary = "Sets a chat's status: active, paused, completed or archived.");
    }

    public override async Task HandleAsync(StatusRequest request, CancellationToken ct)
    {
        var chat = await conversations.GetOwnedChatAsync(request.ChatId, User, ct);
        await conversations.SetStatusAsync(chat.Id, request.Status!, ct);
        await Send.OkAsync(ChatSummary.From((await conversations.GetAsync(chat.Id, ct))!), ct);
    }
}
