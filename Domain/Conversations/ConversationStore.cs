using System.Text.Json.Nodes;
using Dapper;
using Npgsql;

namespace Pipeline.Domain.Conversations;

/// <summary>
/// The owner of <c>conversations</c> and <c>conversation_messages</c>, for every feature that chats: the edge stores
/// conversations and users' messages, the reply worker stores assistant replies (once per user message).
/// </summary>
public sealed partial class ConversationStore(NpgsqlDataSource dataSource)
{
    private const string ConversationColumns = """
        id, kind, owner_id AS OwnerId, parent_id AS ParentId, course_id AS CourseId, module_id AS ModuleId,
        concept_id AS ConceptId, title, status, draft_plan::text AS DraftPlan, metadata::text AS Metadata,
        created_at AS CreatedAt, updated_at AS UpdatedAt
        """;

    private const string MessageColumns = """
        id, conversation_id AS ConversationId, role, content, status, reply_to AS ReplyTo, model,
        prompt_tokens AS PromptTokens, completion_tokens AS CompletionTokens, cost, feedback::text AS Feedback, error,
        created_at AS CreatedAt, updated_at AS UpdatedAt
        """;

    public async Task<Conversation> CreateAsync(NewConversation conversation, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleAsync<ConversationRow>(new CommandDefinition($"""
            INSERT INTO conversations (kind, owner_id, parent_id, course_id, module_id, concept_id, title, metadata)
            VALUES (@Kind, @OwnerId, @ParentId, @CourseId, @ModuleId, @ConceptId, @Title, @Metadata::jsonb)
            RETURNING {ConversationColumns}
            """, new
        {
            conversation.Kind, conversation.OwnerId, conversation.ParentId, conversation.CourseId, conversation.ModuleId,
            conversation.ConceptId, conversation.Title, Metadata = (conversation.Metadata ?? new JsonObject()).ToJsonString(),
        }, cancellationToken: cancellationToken));
        return row.ToConversation();
    }

    public async Task<Conversation?> GetAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<ConversationRow>(new CommandDefinition(
            $"SELECT {ConversationColumns} FROM conversations WHERE id = @id", new { id }, cancellationToken: cancellationToken));
        return row?.ToConversation();
    }

    /// <summary>A user's conversations of one kind, newest first; with <paramref name="parentId"/> only that one's children,
    /// with <paramref name="topLevelOnly"/> only those without a parent.</summary>
    public async Task<IReadOnlyList<Conversation>> ListAsync(long ownerId, string kind, long? parentId, bool topLevelOnly,
        long? courseId, long? moduleId, int offset, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<ConversationRow>(new CommandDefinition($"""
            SELECT {ConversationColumns} FROM conversations
            WHERE owner_id = @ownerId AND kind = @kind
              AND (@parentId::bigint IS NULL OR parent_id = @parentId)
              AND (NOT @topLevelOnly OR parent_id IS NULL)
              AND (@courseId::bigint IS NULL OR course_id = @courseId)
              AND (@moduleId::bigint IS NULL OR module_id = @moduleId)
            ORDER BY created_at DESC, id DESC
            OFFSET @offset LIMIT @limit
            """, new { ownerId, kind, parentId, topLevelOnly, courseId, moduleId, offset, limit }, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToConversation()).ToList();
    }

    public async Task<bool> SetStatusAsync(long id, string status, CancellationToken cancellationToken)
    {
        if (!ConversationStatuses.IsKnown(status)) throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown conversation status.");
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE conversations SET status = @status, updated_at = now() WHERE id = @id", new { id, status },
            cancellationToken: cancellationToken)) == 1;
    }

    public async Task SetDraftPlanAsync(long id, JsonNode plan, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE conversations SET draft_plan = @plan::jsonb, updated_at = now() WHERE id = @id",
            new { id, plan = plan.ToJsonString() }, cancellationToken: cancellationToken));
    }

    /// <summary>Stores a user's message (or a hidden instruction, role system) before its reply is asked for.</summary>
    public async Task<ConversationMessage> AppendAsync(long conversationId, string role, string content, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleAsync<MessageRow>(new CommandDefinition($"""
            WITH touched AS (UPDATE conversations SET updated_at = now() WHERE id = @conversationId)
            INSERT INTO conversation_messages (conversation_id, role, content, status)
            VALUES (@conversationId, @role, @content, 'completed')
            RETURNING {MessageColumns}
            """, new { conversationId, role, content }, cancellationToken: cancellationToken));
        return row.ToMessage();
    }

    public async Task<ConversationMessage?> GetMessageAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<MessageRow>(new CommandDefinition(
            $"SELECT {MessageColumns} FROM conversation_messages WHERE id = @id", new { id }, cancellationToken: cancellationToken));
        return row?.ToMessage();
    }

    /// <summary>The reply to a message, if one was started.</summary>
    public async Task<ConversationMessage?> GetReplyToAsync(long userMessageId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<MessageRow>(new CommandDefinition(
            $"SELECT {MessageColumns} FROM conversation_messages WHERE reply_to = @userMessageId", new { userMessageId },
            cancellationToken: cancellationToken));
        return row?.ToMessage();
    }

    /// <summary>A conversation's messages in order (oldest first), optionally only up to a message, hidden instructions
    /// (role system) included only when asked (the prompt needs them, a history shown to a user does not).</summary>
    public async Task<IReadOnlyList<ConversationMessage>> ListMessagesAsync(long conversationId, long? upToId, bool includeSystem,
        CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<MessageRow>(new CommandDefinition($"""
            SELECT {MessageColumns} FROM conversation_messages
            WHERE conversation_id = @conversationId AND (@upToId::bigint IS NULL OR id <= @upToId)
              AND (@includeSystem OR role <> 'system')
            ORDER BY id
            """, new { conversationId, upToId, includeSystem }, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToMessage()).ToList();
    }

    /// <summary>
    /// The reply row for <paramref name="userMessageId"/>, written before the model's first token: new (streaming), or
    /// the one an earlier delivery left streaming (its worker died), emptied to be written again; a finished one is
    /// returned as is, and the caller must not ask the model again.
    /// </summary>
    public async Task<ReplyStart> StartReplyAsync(long conversationId, long userMessageId, string? model, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var inserted = await connection.QuerySingleOrDefaultAsync<MessageRow>(new CommandDefinition($"""
            INSERT INTO conversation_messages (conversation_id, role, content, status, reply_to, model)
            VALUES (@conversationId, 'assistant', '', 'streaming', @userMessageId, @model)
            ON CONFLICT (reply_to) DO NOTHING
            RETURNING {MessageColumns}
            """, new { conversationId, userMessageId, model }, cancellationToken: cancellationToken));
        if (inserted is not null) return new ReplyStart(inserted.ToMessage(), AlreadyFinished: false);

        var restarted = await connection.QuerySingleOrDefaultAsync<MessageRow>(new CommandDefinition($"""
            UPDATE conversation_messages SET content = '', model = @model, updated_at = now()
            WHERE reply_to = @userMessageId AND status = 'streaming'
            RETURNING {MessageColumns}
            """, new { userMessageId, model }, cancellationToken: cancellationToken));
        if (restarted is not null) return new ReplyStart(restarted.ToMessage(), AlreadyFinished: false);

        var finished = await GetReplyToAsync(userMessageId, cancellationToken)
            ?? throw new InvalidOperationException($"The reply to message {userMessageId} vanished while it was being started.");
        return new ReplyStart(finished, AlreadyFinished: true);
    }

    /// <summary>Saves the text so far of a streaming reply; false when it is no longer streaming (someone stopped it).</summary>
    public async Task<bool> SaveStreamingTextAsync(long replyId, string content, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE conversation_messages SET content = @content, updated_at = now() WHERE id = @replyId AND status = 'streaming'",
            new { replyId, content }, cancellationToken: cancellationToken)) == 1;
    }

    /// <summary>
    /// Ends a reply with its final text, status, usage and cost. A reply the user stopped meanwhile keeps the stopped
    /// status (and gets the text so far). Returns the stored reply.
    /// </summary>
    public async Task<ConversationMessage> FinishReplyAsync(long replyId, string content, string status, int promptTokens,
        int completionTokens, decimal cost, string? error, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleAsync<MessageRow>(new CommandDefinition($"""
            UPDATE conversation_messages
            SET content = @content, status = CASE WHEN status = 'streaming' THEN @status ELSE status END,
                prompt_tokens = @promptTokens, completion_tokens = @completionTokens, cost = @cost, error = @error, updated_at = now()
            WHERE id = @replyId
            RETURNING {MessageColumns}
            """, new { replyId, content, status, promptTokens, completionTokens, cost, error }, cancellationToken: cancellationToken));
        return row.ToMessage();
    }

    /// <summary>Marks the conversation's streaming replies stopped (the worker sees it at its next save); their ids.</summary>
    public async Task<IReadOnlyList<long>> StopStreamingRepliesAsync(long conversationId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<long>(new CommandDefinition("""
            UPDATE conversation_messages SET status = 'stopped', updated_at = now()
            WHERE conversation_id = @conversationId AND status = 'streaming'
            RETURNING id
            """, new { conversationId }, cancellationToken: cancellationToken))).ToList();
    }

    public async Task<bool> SetFeedbackAsync(long messageId, JsonNode feedback, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE conversation_messages SET feedback = @feedback::jsonb, updated_at = now() WHERE id = @messageId",
            new { messageId, feedback = feedback.ToJsonString() }, cancellationToken: cancellationToken)) == 1;
    }

    /// <summary>What the conversation is about, for its prompt: its track/course and module (read, not owned, here).</summary>
    public async Task<ConversationSubject> GetSubjectAsync(Conversation conversation, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var parent = conversation.ParentId is { } parentId ? await GetAsync(parentId, cancellationToken) : null;
        var courseId = conversation.CourseId ?? parent?.CourseId;
        var subject = await connection.QuerySingleOrDefaultAsync<ConversationSubject>(new CommandDefinition("""
            SELECT c.title AS CourseTitle, c.description AS CourseDescription, c.skill_area AS SkillArea,
                   c.difficulty_level AS DifficultyLevel, c.user_expectations AS UserExpectations,
                   m.title AS ModuleTitle, m.description AS ModuleDescription, m.objectives AS ModuleObjectives
            FROM (SELECT 1) one
            LEFT JOIN courses c ON c.id = @courseId
            LEFT JOIN sections m ON m.id = @moduleId
            """, new { courseId, moduleId = conversation.ModuleId }, cancellationToken: cancellationToken));
        return (subject ?? new ConversationSubject()) with { DraftPlan = conversation.DraftPlan ?? parent?.DraftPlan };
    }

    private static DateTimeOffset Utc(DateTime time) => new(DateTime.SpecifyKind(time, DateTimeKind.Utc));

    private sealed record ConversationRow(long Id, string Kind, long OwnerId, long? ParentId, long? CourseId, long? ModuleId,
        long? ConceptId, string Title, string Status, string? DraftPlan, string Metadata, DateTime CreatedAt, DateTime UpdatedAt)
    {
        public Conversation ToConversation() => new(Id, Kind, OwnerId, ParentId, CourseId, ModuleId, ConceptId, Title, Status,
            DraftPlan is null ? null : JsonNode.Parse(DraftPlan), JsonNode.Parse(Metadata) as JsonObject ?? new JsonObject(),
            Utc(CreatedAt), Utc(UpdatedAt));
    }

    private sealed record MessageRow(long Id, long ConversationId, string Role, string Content, string Status, long? ReplyTo,
        string? Model, int PromptTokens, int CompletionTokens, decimal Cost, string? Feedback, string? Error, DateTime CreatedAt,
        DateTime UpdatedAt)
    {
        public ConversationMessage ToMessage() => new(Id, ConversationId, Role, Content, Status, ReplyTo, Model, PromptTokens,
            CompletionTokens, Cost, Feedback is null ? null : JsonNode.Parse(Feedback), Error, Utc(CreatedAt), Utc(UpdatedAt));
    }
}
