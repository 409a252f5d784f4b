using FastEndpoints;
using Pipeline.Domain.Conversations;

namespace Pipeline.Edge.Api.Chats;

/// <summary>Seed 001 <c>POST /api/chat/chats</c>: Creates a chat inside a session (201).</summary>
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
