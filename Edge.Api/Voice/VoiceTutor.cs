using System.Text.Json.Nodes;
using MassTransit;
using Microsoft.Extensions.Options;
using Pipeline.Domain.Concepts;
using Pipeline.Domain.Conversations;
using Pipeline.Domain.KnowledgeGraph;
using Pipeline.Domain.Voice;
using Pipeline.Edge.Api.Conversations;
using Pipeline.Edge.Api.Errors;
using Pipeline.Edge.Api.RateLimits;
using Pipeline.Edge.Api.TutoringChat;
using Pipeline.Messages.Conversations;
using Pipeline.Messages.Voice;

namespace Pipeline.Edge.Api.Voice;

/// <summary>
/// The edge's side of voice tutoring, shared by <c>POST /voice/transcribe</c> and <c>/ws/voice</c>: the learner's audio
/// is stored where Handlers reads it and transcribed there (the edge runs no speech engine), the seconds heard are
/// charged to the learner's daily voice allowance, the tutoring conversation engine answers, and Handlers speaks the
/// answer. Failures are <see cref="ApiException"/>s in the seed's terms (400 unreadable or too long, 413 too large,
/// 429 beyond the daily minutes, 502/504 when the speech service fails or is slow).
/// </summary>
public sealed class VoiceTutor(
    VoiceAudioStore audio,
    IRequestClient<TranscribeSpeech> transcriber,
    IRequestClient<SynthesizeSpeech> speaker,
    LearnTracRateLimiter limiter,
    ConversationStore conversations,
    ConversationReplies replies,
    IKnowledgeGraph graph,
    ConceptStore concepts,
    IOptions<VoiceOptions> options,
    TimeProvider clock)
{
    public VoiceOptions Limits => options.Value;

    public static ApiException TooLarge(long maxBytes) => new(StatusCodes.Status413PayloadTooLarge,
        $"The audio is too large: at most {maxBytes / (1024 * 1024.0):0.#} MB.");

    public async Task<SpeechTranscribed> TranscribeAsync(long userId, byte[] bytes, AudioFormat format, string language, CancellationToken ct)
    {
        if (bytes.Length > Limits.MaxUploadBytes) throw TooLarge(Limits.MaxUploadBytes);
        var id = await audio.AddAsync(userId, VoiceAudioKinds.Upload, format, bytes, null, ct);
        try
        {
            var response = await RequestAsync(() => transcriber.GetResponse<SpeechTranscribed, SpeechRejected>(
                new TranscribeSpeech(id, userId, format.Name, language, Limits.MaxDurationSeconds), ct, RequestTimeout.After(s: Limits.WaitSeconds)));
            if (response.Is(out Response<SpeechTranscribed>? heard)) return heard.Message;
            response.Is(out Response<SpeechRejected>? rejected);
            throw Rejection(rejected!.Message);
        }
        finally
        {
            await audio.DeleteAsync(id, CancellationToken.None);
        }
    }

    /// <summary>Refuses (429) a learner who has used up today's voice minutes, before any work is done.</summary>
    public Task EnsureAllowanceAsync(long userId) => ChargeAsync(userId, 0);

    /// <summary>Counts the audio's seconds against the learner's daily voice minutes; 429 when they would go beyond.</summary>
    public async Task ChargeAsync(long userId, double seconds)
    {
        var cost = seconds <= 0 ? 0 : Math.Max(1, (int)Math.Ceiling(seconds));
        var decision = (await limiter.AcquireAsync($"user:{userId}", [RateLimitPolicies.Voice], cost))[0];
        if (!decision.Exceeded) return;
        var retryAfter = Math.Max(1, (int)Math.Ceiling((decision.ResetAt - clock.GetUtcNow()).TotalSeconds));
        throw new ApiException(StatusCodes.Status429TooManyRequests,
            $"Voice limit reached: at most {decision.Limit / 60.0:0.#} minutes of audio per {Describe(decision.Window)}, {decision.Remaining} s left. "
            + $"Try again in {retryAfter} s.",
            details: new[] { new { policy = decision.Policy, limit = decision.Limit, remaining = decision.Remaining, window_seconds = (long)decision.Window.TotalSeconds, retry_after = retryAfter } })
        {
            RetryAfterSeconds = retryAfter,
        };
    }

    /// <summary>A tutoring conversation for spoken questions (continued with <c>/chat/{chat_id}/message</c> too).</summary>
    public Task<Conversation> StartConversationAsync(long userId, long? conceptId, string title, CancellationToken ct) =>
        conversations.CreateAsync(new NewConversation(ConversationKinds.Tutoring, userId, title.Length <= 80 ? title : title[..80] + "…",
            ConceptId: conceptId,
            Metadata: new JsonObject
            {
                ["context"] = TutorReply.Context("tutoring", conceptId, null)
                    + " The learner asked by voice and hears the answer spoken: keep it short and clear when read aloud.",
                ["mode"] = "tutoring",
                ["channel"] = "voice",
            }), ct);

    /// <summary>The tutor's answer to what was said (the conversation engine in Handlers; bounded wait).</summary>
    public async Task<ReplyCompleted> AnswerAsync(Conversation conversation, string question, CancellationToken ct) =>
        (await replies.AskAsync(conversation, question, ct)).Reply;

    /// <summary>The answer spoken and stored for its owner.</summary>
    public async Task<SpeechSynthesized> SpeakAsync(long userId, string text, string? voice, string language, CancellationToken ct)
    {
        var response = await RequestAsync(() => speaker.GetResponse<SpeechSynthesized, SpeechRejected>(
            new SynthesizeSpeech(userId, text, voice, language), ct, RequestTimeout.After(s: Limits.WaitSeconds)));
        if (response.Is(out Response<SpeechSynthesized>? spoken)) return spoken.Message;
        response.Is(out Response<SpeechRejected>? rejected);
        throw Rejection(rejected!.Message);
    }

    /// <summary>Concepts next to <paramref name="conceptId"/> in the knowledge graph (or the concept itself when it has none).</summary>
    public async Task<IReadOnlyList<long>> RelatedConceptsAsync(long? conceptId, CancellationToken ct)
    {
        if (conceptId is not { } id || !await concepts.ExistsAsync(id, ct)) return [];
        var near = await graph.NeighbourhoodAsync(id, 1, ct);
        var related = near.Where(n => n.Key != id && n.Value == 1).Select(n => n.Key).Order().Take(5).ToList();
        return related.Count > 0 ? related : [id];
    }

    private static async Task<Response<T1, T2>> RequestAsync<T1, T2>(Func<Task<Response<T1, T2>>> request) where T1 : class where T2 : class
    {
        try
        {
            return await request();
        }
        catch (RequestTimeoutException)
        {
            throw new ApiException(StatusCodes.Status504GatewayTimeout, "The speech service did not answer in time; please try again.");
        }
        catch (Exception e) when (e is not (OperationCanceledException or ApiException))
        {
            throw new ApiException(StatusCodes.Status503ServiceUnavailable, "The speech service is unavailable; please try again.");
        }
    }

    private static ApiException Rejection(SpeechRejected rejected) => rejected.Kind switch
    {
        SpeechRejected.Unreadable or SpeechRejected.TooLong => ApiException.BadRequest(rejected.Reason),
        _ => new ApiException(StatusCodes.Status502BadGateway, $"The speech service failed: {rejected.Reason}"),
    };

    private static string Describe(TimeSpan window) => window == TimeSpan.FromDays(1) ? "day" : window == TimeSpan.FromHours(1) ? "hour" : $"{(long)window.TotalSeconds} s";
}
