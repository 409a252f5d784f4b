using System.Net.WebSockets;
using System.Security.Claims;
using System.Text.Json;
using Pipeline.Domain.Conversations;
using Pipeline.Domain.Voice;
using Pipeline.Edge.Api.Assistant;
using Pipeline.Edge.Api.Auth;
using Pipeline.Edge.Api.Errors;
using Pipeline.Edge.Api.Realtime;
using Pipeline.Edge.Api.TutoringChat;
using Microsoft.Extensions.Options;

namespace Pipeline.Edge.Api.Voice;

/// <summary>
/// Seed 003's voice tutoring socket, <c>/ws/voice?token=</c> (docs/learntrac-services.md): <c>connect</c> →
/// <c>connection_established</c>; the chunks of an utterance (<c>audio_stream</c>, base64, <c>is_final</c> on the last)
/// → <c>transcription</c>, then <c>voice_response</c> with the tutor's answer, the address of its spoken form (served to
/// the learner only), its duration and visual aids (the answer's code). Authenticates like every socket
/// (Realtime/SocketAuthentication) and counts against the per-user stream allowance (Realtime/OpenStreams).
/// </summary>
public static class VoiceSocket
{
    public static readonly string[] Features = ["transcription", "real-time-feedback", "code-dictation"];

    /// <summary>WebSockets are enabled by <c>MapChatSockets</c>, which the host maps first.</summary>
    public static WebApplication MapVoiceSocket(this WebApplication app)
    {
        app.Map(VoiceSessionInfo.VoicePath, RunAsync).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    private static async Task RunAsync(HttpContext http)
    {
        if (!http.WebSockets.IsWebSocketRequest)
            throw ApiException.BadRequest("This is a WebSocket endpoint: connect with a WebSocket client (docs/learntrac-services.md).");
        var user = await http.AuthenticateSocketAsync();
        if (user is null)
        {
            await http.RefuseAsync("A valid access token is required (?token= or Authorization: Bearer).");
            return;
        }
        using var lease = http.RequestServices.GetRequiredService<OpenStreams>().TryOpen(user, http.RequestAborted);
        if (lease is null)
        {
            await http.RefuseAsync("Too many open connections for this user; close one first.");
            return;
        }
        using var socket = await http.WebSockets.AcceptWebSocketAsync();
        var options = http.RequestServices.GetRequiredService<IOptions<VoiceOptions>>().Value;
        var connection = new Connection(socket, user, http, options);
        await connection.RunAsync(lease.Token);
    }

    private sealed class Connection(WebSocket socket, ClaimsPrincipal user, HttpContext http, VoiceOptions options)
    {
        private readonly SocketFrames _frames = new(socket, options.MaxFrameBytes);
        private readonly MemoryStream _utterance = new();
        private readonly long _userId = user.UserId();
        private bool _discarding;
        private Conversation? _conversation;
        private VoiceConnectData _settings = new(null, null, null, null, null);

        public async Task RunAsync(CancellationToken aborted)
        {
            using var closing = CancellationTokenSource.CreateLinkedTokenSource(aborted);
            _frames.Start(closing.Token);
            await using (_frames)
            {
                try
                {
                    while (socket.State == WebSocketState.Open)
                    {
                        var text = await _frames.ReceiveAsync(closing.Token);
                        if (text is null) break;
                        await HandleAsync(text, closing.Token);
                    }
                    if (socket.State is WebSocketState.CloseReceived)
                        await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "", CancellationToken.None);
                }
                catch (Exception e) when (e is WebSocketException or OperationCanceledException)
                {
                    // The client went away, or its login session ended.
                }
                finally
                {
                    await closing.CancelAsync();
                }
            }
        }

        private async Task HandleAsync(string text, CancellationToken ct)
        {
            VoiceClientFrame? frame;
            try
            {
                frame = JsonSerializer.Deserialize<VoiceClientFrame>(text, ApiJson.Options);
            }
            catch (JsonException)
            {
                frame = null;
            }
            try
            {
                switch (frame?.Action)
                {
                    case "connect":
                        await ConnectAsync(Read<VoiceConnectData>(frame.Data) ?? new VoiceConnectData(null, null, null, null, null), ct);
                        break;
                    case "audio_stream":
                        await ReceiveAudioAsync(Read<VoiceAudioData>(frame.Data) ?? throw ApiException.BadRequest("audio_stream needs data: audio, chunk_id, is_final."), ct);
                        break;
                    case "ping":
                        Send("pong", new { });
                        break;
                    case null:
                        throw ApiException.BadRequest("Frames are JSON objects with an \"action\": connect, audio_stream or ping, and its \"data\".");
                    default:
                        throw ApiException.BadRequest($"Unknown action '{(frame.Action.Length <= 40 ? frame.Action : frame.Action[..40] + "…")}'.");
                }
            }
            catch (ApiException e)
            {
                Send("error", new VoiceErrorFrame(e.Code, e.StatusCode, e.Message, e.RetryAfterSeconds));
            }
            catch (Exception e) when (e is not (OperationCanceledException or WebSocketException))
            {
                // A fault of ours (the database, the bus): said on the socket, which stays open for the next utterance.
                http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(VoiceSocket)).LogError(e, "A /ws/voice frame failed");
                Send("error", new VoiceErrorFrame(ErrorCodes.ForStatus(500), 500, "The voice service failed; please try again."));
            }
        }

        private async Task ConnectAsync(VoiceConnectData data, CancellationToken ct)
        {
            var tutor = http.RequestServices.GetRequiredService<VoiceTutor>();
            if (data.SessionType is not (null or "voice_tutoring"))
                throw ApiException.BadRequest("session_type must be voice_tutoring.");
            if (data.Language is { } language && !System.Text.RegularExpressions.Regex.IsMatch(language, "^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}$"))
                throw ApiException.BadRequest("language must be a language tag such as en-US.");
            if (data.PreferredVoice is { Length: > 40 }) throw ApiException.BadRequest("preferred_voice is at most 40 characters.");
            if (data.SessionId is { } sessionId)
            {
                // A session started by POST /api/v1/ai/voice-session (or an earlier connect): only the caller's own.
                var id = TutorReply.Parse(sessionId, "voice-session-");
                var existing = id is { } value ? await http.RequestServices.GetRequiredService<ConversationStore>().GetAsync(value, ct) : null;
                _conversation = existing is { Kind: ConversationKinds.Assistant or ConversationKinds.Tutoring } && existing.OwnerId == _userId
                    ? existing
                    : throw ApiException.NotFound("No such voice session of yours.");
            }
            else
            {
                _conversation = await tutor.StartConversationAsync(_userId, data.ConceptId, "Voice tutoring", ct);
            }
            _settings = data;
            ResetUtterance();
            Send("connection_established", new ConnectionEstablished($"voice-session-{_conversation.Id}", "ready", true, Features,
                TutorReply.ChatId(_conversation.Id),
                new VoiceLimitsInfo(options.MaxUploadBytes, options.MaxDurationSeconds, AudioFormat.StreamFormats.Select(f => f.Name).ToList())));
        }

        private async Task ReceiveAudioAsync(VoiceAudioData data, CancellationToken ct)
        {
            if (_conversation is null) throw ApiException.BadRequest("Send a connect frame first.");
            // A bad or overflowing chunk drops the whole utterance (one error frame); the next one starts clean after is_final.
            ApiException? failure = null;
            if (!_discarding && !string.IsNullOrEmpty(data.Audio))
            {
                var chunk = new byte[data.Audio.Length * 3 / 4 + 3];
                if (!Convert.TryFromBase64String(data.Audio, chunk, out var length))
                    failure = ApiException.BadRequest($"Chunk {data.ChunkId}: audio is not base64; the utterance is dropped.");
                else if (_utterance.Length + length > options.MaxUploadBytes)
                    failure = VoiceTutor.TooLarge(options.MaxUploadBytes);
                else
                    _utterance.Write(chunk, 0, length);
                _discarding = failure is not null;
            }
            if (!data.IsFinal)
            {
                if (failure is not null) throw failure;
                return;
            }
            var discarded = _discarding;
            var audio = _utterance.ToArray();
            ResetUtterance();
            if (failure is not null) throw failure;
            if (discarded) return;
            if (audio.Length == 0) throw ApiException.BadRequest("The utterance has no audio.");
            await AnswerAsync(audio, ct);
        }

        private async Task AnswerAsync(byte[] audio, CancellationToken ct)
        {
            var tutor = http.RequestServices.GetRequiredService<VoiceTutor>();
            await tutor.EnsureAllowanceAsync(_userId);
            var format = AudioFormat.Detect(audio, AudioFormat.StreamFormats)
                ?? throw ApiException.BadRequest("Unsupported audio format: send wav, mp3, m4a, webm or ogg audio.");
            var language = _settings.Language ?? "en-US";
            var heard = await tutor.TranscribeAsync(_userId, audio, format, language, ct);
            await tutor.ChargeAsync(_userId, heard.DurationSeconds);
            Send("transcription", new TranscriptionFrame(heard.Text, heard.Confidence, true, heard.DurationSeconds, heard.Language));
            if (string.IsNullOrWhiteSpace(heard.Text)) throw ApiException.BadRequest("No speech was recognised in the audio.");

            var answer = await tutor.AnswerAsync(_conversation!, heard.Text, ct);
            var spoken = await tutor.SpeakAsync(_userId, answer.Content, _settings.PreferredVoice, language, ct);
            // The code examples the model gave as structured output (or, failing that, those in its Markdown).
            var (examples, _) = await TutorReply.PartsAsync(http.RequestServices.GetRequiredService<ConversationStore>(), answer.MessageId, answer.Content,
                "tutoring", ct);
            var aids = examples.Select(c => new VisualAid("code_snippet", c.Code, c.Language, c.Title)).ToList();
            Send("voice_response", new VoiceResponseFrame(answer.Content, VoiceAudioUrl.For(http.Request, spoken.AudioId, spoken.Format),
                spoken.DurationSeconds, aids, TutorReply.ChatId(_conversation!.Id)));
        }

        private void ResetUtterance()
        {
            _utterance.SetLength(0);
            _discarding = false;
        }

        private void Send(string type, object data) => _frames.Send(new VoiceServerFrame(type, data));

        private static T? Read<T>(JsonElement? data) where T : class
        {
            if (data is not { ValueKind: JsonValueKind.Object } element) return null;
            try
            {
                return element.Deserialize<T>(ApiJson.Options);
            }
            catch (JsonException e)
            {
                throw ApiException.BadRequest($"Invalid data: {e.Message}");
            }
        }
    }
}
