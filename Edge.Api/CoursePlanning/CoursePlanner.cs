using MassTransit;
using Microsoft.Extensions.Options;
using Pipeline.Domain.Conversations;
using Pipeline.Domain.Tracks;
using Pipeline.Edge.Api.Errors;
using Pipeline.Messages.Content;
using Pipeline.Messages.Tracks;

namespace Pipeline.Edge.Api.CoursePlanning;

/// <summary>Asks the Handlers plan worker for a course plan (bounded wait) from a track and a planning dialogue.</summary>
public sealed class CoursePlanner(IRequestClient<GenerateCoursePlan> planClient, ConversationStore conversations,
    IOptions<CoursePlanningOptions> options)
{
    private const int TurnLength = 500;

    public async Task<CoursePlan> PlanAsync(long userId, Track? track, PlanParameters overrides, Conversation? dialogue, CancellationToken ct)
    {
        var title = overrides.Title ?? track?.Title;
        if (string.IsNullOrWhiteSpace(title))
            throw ApiException.BadRequest("Give a track_id (or session_id/chat_id of a track's session), or at least a title.");
        var turns = dialogue is null ? [] : await DialogueAsync(dialogue, ct);
        var command = new GenerateCoursePlan(userId, title.Trim(), overrides.Description ?? track?.Description ?? "",
            overrides.SkillArea ?? track?.SkillArea, overrides.DifficultyLevel ?? track?.DifficultyLevel,
            overrides.EstimatedDurationHours ?? track?.EstimatedDurationHours, overrides.UserExpectations ?? track?.UserExpectations, turns);
        var wait = options.Value.PlanWaitSeconds;
        try
        {
            var response = await planClient.GetResponse<CoursePlanGenerated, CoursePlanFailed>(command, ct, RequestTimeout.After(s: wait));
            if (response.Is(out Response<CoursePlanGenerated>? generated)) return generated.Message.Plan;
            response.Is(out Response<CoursePlanFailed>? failed);
            throw new ApiException(StatusCodes.Status502BadGateway, $"The AI could not plan the course: {failed!.Message.Reason}");
        }
        catch (RequestTimeoutException)
        {
            throw new ApiException(StatusCodes.Status504GatewayTimeout, $"The AI did not plan the course within {wait} s; please try again.");
        }
        catch (Exception e) when (e is not (ApiException or OperationCanceledException))
        {
            throw new ApiException(StatusCodes.Status503ServiceUnavailable, "The AI service is unavailable; please try again.");
        }
    }

    /// <summary>The chat's turns as "user: ..." / "assistant: ...", newest <see cref="CoursePlanningOptions.DialogueTurns"/>.</summary>
    private async Task<IReadOnlyList<string>> DialogueAsync(Conversation chat, CancellationToken ct)
    {
        var messages = await conversations.ListMessagesAsync(chat.Id, null, includeSystem: false, ct);
        return messages
            .Where(m => m.Content.Length > 0)
            .TakeLast(options.Value.DialogueTurns)
            .Select(m => $"{m.Role}: {(m.Content.Length > TurnLength ? m.Content[..TurnLength] : m.Content)}")
            .ToList();
    }
}
