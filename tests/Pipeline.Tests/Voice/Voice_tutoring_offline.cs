using System.Net;
using System.Net.Http.Headers;
using System.Net.WebSockets;
using System.Text.Json;
using Pipeline.Tests.Infrastructure;
using Pipeline.Tests.LearningPaths;

namespace Pipeline.Tests.Voice;

/// <summary>
/// Seed 003 voice tutoring with the offline engines: a question spoken by espeak-ng is heard by pocketsphinx in Handlers,
/// answered by the tutoring conversation engine (offline provider) and spoken back by espeak-ng.
/// </summary>
public sealed class Voice_tutoring_offline(VoiceFixture fixture) : IClassFixture<VoiceFixture>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task A_question_streamed_in_chunks_over_the_socket_is_transcribed_then_answered_with_audio_only_its_owner_can_play()
    {
        var learner = await fixture.SignUpAsync();
        var wav = await SpokenQuestion.WavAsync();
        await using var socket = await VoiceSocketClient.ConnectAsync(fixture.BaseAddress, learner.AccessToken);

        await socket.SendAsync("connect", new { session_type = "voice_tutoring", preferred_voice = "alloy", language = "en-US" });
        var established = await socket.NextAsync("connection_established", Wait);
        Assert.Equal("ready", established.GetProperty("status").GetString());
        Assert.True(established.GetProperty("voice_enabled").GetBoolean());
        Assert.StartsWith("voice-session-", established.GetProperty("session_id").GetString());
        Assert.Contains("transcription", established.GetProperty("features").EnumerateArray().Select(f => f.GetString()));

        await socket.StreamAsync(wav, chunkBytes: 16 * 1024);
        var transcription = await socket.NextAsync("transcription", Wait);
        var text = transcription.GetProperty("text").GetString()!;
        foreach (var word in SpokenQuestion.KeyWords.Append("learn")) Assert.Contains(word, text);
        Assert.True(transcription.GetProperty("is_final").GetBoolean());
        Assert.InRange(transcription.GetProperty("confidence").GetDouble(), 0.01, 1.0);

        var response = await socket.NextAsync("voice_response", Wait);
        Assert.Contains("solar system", response.GetProperty("text").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.True(response.GetProperty("duration").GetDouble() > 0);
        Assert.Equal(JsonValueKind.Array, response.GetProperty("visual_aids").ValueKind);
        var audioUrl = new Uri(response.GetProperty("audio_url").GetString()!);
        Assert.Equal(fixture.BaseAddress.Authority, audioUrl.Authority);

        var audio = await learner.Client.GetAsync(audioUrl.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, audio.StatusCode);
        Assert.Equal("audio/wav", audio.Content.Headers.ContentType?.MediaType);
        var bytes = await audio.Content.ReadAsByteArrayAsync();
        var seconds = SpokenQuestion.WavSeconds(bytes);
        Assert.True(seconds > 0.5, $"the spoken answer lasts {seconds:0.00} s");
        Assert.Equal(response.GetProperty("duration").GetDouble(), seconds, 1);

        var other = await fixture.SignUpAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await other.Client.GetAsync(audioUrl.PathAndQuery)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await fixture.CreateClient().GetAsync(audioUrl.PathAndQuery)).StatusCode);
    }

    [Theory]
    [InlineData("wav")]
    [InlineData("mp3")]
    [InlineData("m4a")]
    public async Task An_uploaded_recording_is_transcribed_with_confidence_duration_language_and_the_tutors_answer(string format)
    {
        var learner = await fixture.SignUpAsync();
        var wav = await SpokenQuestion.WavAsync();
        var file = format == "wav" ? wav : await SpokenQuestion.EncodeAsync(wav, format);

        var response = await UploadAsync(learner.Client, file, $"question.{format}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.JsonAsync();
        var transcription = body.GetProperty("transcription");
        foreach (var word in SpokenQuestion.KeyWords) Assert.Contains(word, transcription.GetProperty("text").GetString());
        Assert.InRange(transcription.GetProperty("confidence").GetDouble(), 0.01, 1.0);
        Assert.InRange(transcription.GetProperty("duration").GetDouble(), 1.5, 4.0);
        Assert.Equal("en-US", transcription.GetProperty("language").GetString());
        var answer = body.GetProperty("ai_response");
        Assert.Contains("solar system", answer.GetProperty("answer").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(JsonValueKind.Array, answer.GetProperty("related_concepts").ValueKind);

        // The answer is a tutoring chat the learner can go on with.
        var history = await learner.Client.GetAsync($"/api/learntrac/v1/chat/{answer.GetProperty("chat_id").GetString()}/history");
        Assert.Equal(HttpStatusCode.OK, history.StatusCode);
    }

    [Fact]
    public async Task A_corrupt_or_unsupported_file_is_400_a_too_long_one_400_and_an_oversized_one_413_in_the_seed_error_shape()
    {
        var learner = await fixture.SignUpAsync();
        var wav = await SpokenQuestion.WavAsync();

        var corrupt = "RIFF\u0024\u0010\0\0WAVE"u8.ToArray().Concat(Enumerable.Range(0, 4000).Select(i => (byte)(i * 31 % 251))).ToArray();
        await AssertErrorAsync(await UploadAsync(learner.Client, corrupt, "question.wav"), HttpStatusCode.BadRequest, "VALIDATION_ERROR", "corrupt");

        var truncatedM4a = (await SpokenQuestion.EncodeAsync(wav, "m4a"))[..3000];
        await AssertErrorAsync(await UploadAsync(learner.Client, truncatedM4a, "question.m4a"), HttpStatusCode.BadRequest, "VALIDATION_ERROR", "corrupt");

        var text = "this is not audio at all, just text pretending to be a wav file"u8.ToArray();
        await AssertErrorAsync(await UploadAsync(learner.Client, text, "question.wav"), HttpStatusCode.BadRequest, "VALIDATION_ERROR", "Unsupported audio format");

        var tooLong = await SpokenQuestion.ToneAsync(VoiceFixture.MaxDurationSeconds + 2);
        Assert.True(tooLong.Length < VoiceFixture.MaxUploadBytes);
        await AssertErrorAsync(await UploadAsync(learner.Client, tooLong, "tone.wav"), HttpStatusCode.BadRequest, "VALIDATION_ERROR", "longer than");

        var oversized = wav.Concat(new byte[VoiceFixture.MaxUploadBytes]).ToArray();
        await AssertErrorAsync(await UploadAsync(learner.Client, oversized, "question.wav"), HttpStatusCode.RequestEntityTooLarge, "PAYLOAD_TOO_LARGE", "too large");

        // The same limit on the socket: the utterance is dropped with an error frame, and the socket goes on.
        await using var socket = await VoiceSocketClient.ConnectAsync(fixture.BaseAddress, learner.AccessToken);
        await socket.SendAsync("connect", new { session_type = "voice_tutoring" });
        await socket.NextAsync("connection_established", Wait);
        await socket.StreamAsync(oversized, chunkBytes: 128 * 1024);
        var error = await socket.NextFrameAsync(Wait);
        Assert.Equal("error", error.GetProperty("type").GetString());
        Assert.Equal(413, error.GetProperty("data").GetProperty("status").GetInt32());
        await socket.StreamAsync(text, chunkBytes: 1024);
        error = await socket.NextFrameAsync(Wait);
        Assert.Equal(400, error.GetProperty("data").GetProperty("status").GetInt32());
        await socket.SendAsync("ping", new { });
        Assert.Equal("pong", (await socket.NextFrameAsync(Wait)).GetProperty("type").GetString());
    }

    [Fact]
    public async Task A_voice_session_from_the_assistant_api_is_joined_by_its_owner_only()
    {
        var learner = await fixture.SignUpAsync();
        var started = await learner.Client.PostAsync("/api/v1/ai/voice-session", null);
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        var session = await started.JsonAsync();
        var websocketUrl = session.GetProperty("websocket_url").GetString()!;
        Assert.Contains("/ws/voice?token=", websocketUrl);
        var connect = session.GetProperty("connect_message");

        await using (var socket = await VoiceSocketClient.ConnectAsync(fixture.BaseAddress, learner.AccessToken))
        {
            await socket.SendAsync(connect.GetProperty("action").GetString()!, connect.GetProperty("data"));
            var established = await socket.NextAsync("connection_established", Wait);
            Assert.Equal(session.GetProperty("session_id").GetString(), established.GetProperty("session_id").GetString());
        }

        var other = await fixture.SignUpAsync();
        await using var intruder = await VoiceSocketClient.ConnectAsync(fixture.BaseAddress, other.AccessToken);
        await intruder.SendAsync("connect", connect.GetProperty("data"));
        var refused = await intruder.NextFrameAsync(Wait);
        Assert.Equal("error", refused.GetProperty("type").GetString());
        Assert.Equal("NOT_FOUND", refused.GetProperty("data").GetProperty("code").GetString());
    }

    [Fact]
    public async Task Without_a_valid_token_the_socket_is_closed_1008_and_the_routes_answer_401()
    {
        await using (var socket = await VoiceSocketClient.ConnectAsync(fixture.BaseAddress, token: null))
            Assert.Equal(WebSocketCloseStatus.PolicyViolation, await socket.ClosedAsync(Wait));
        await using (var socket = await VoiceSocketClient.ConnectAsync(fixture.BaseAddress, "not-a-token"))
            Assert.Equal(WebSocketCloseStatus.PolicyViolation, await socket.ClosedAsync(Wait));

        var anonymous = fixture.CreateClient();
        var upload = await UploadAsync(anonymous, await SpokenQuestion.WavAsync(), "question.wav");
        await AssertErrorAsync(upload, HttpStatusCode.Unauthorized, "AUTHENTICATION_ERROR", "");
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/learntrac/v1/voice/audio/response-1.wav")).StatusCode);
    }

    [Fact]
    public async Task Beyond_the_daily_voice_minutes_audio_is_refused_with_429_and_retry_after()
    {
        var learner = await fixture.SignUpAsync();
        var wav = await SpokenQuestion.WavAsync();
        // The question lasts about 2.4 s, counted as 3 of the learner's 5 s a day (scaled down from seed 003's 60 minutes).
        var first = await UploadAsync(learner.Client, wav, "question.wav");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Contains($"\"voice\";q={VoiceFixture.DailyVoiceSeconds};w=86400", first.Headers.GetValues("RateLimit-Policy").Single());

        var second = await UploadAsync(learner.Client, wav, "question.wav");
        await AssertErrorAsync(second, HttpStatusCode.TooManyRequests, "RATE_LIMIT_EXCEEDED", "Voice limit");
        Assert.InRange(int.Parse(second.Headers.GetValues("Retry-After").Single()), 1, 86_400);

        // The socket counts against the same allowance.
        await using var socket = await VoiceSocketClient.ConnectAsync(fixture.BaseAddress, learner.AccessToken);
        await socket.SendAsync("connect", new { session_type = "voice_tutoring" });
        await socket.NextAsync("connection_established", Wait);
        await socket.StreamAsync(wav, chunkBytes: 32 * 1024);
        var refused = await socket.NextFrameAsync(Wait);
        Assert.Equal("error", refused.GetProperty("type").GetString());
        Assert.Equal("RATE_LIMIT_EXCEEDED", refused.GetProperty("data").GetProperty("code").GetString());

        // Someone else still has their own minutes.
        var other = await fixture.SignUpAsync();
        Assert.Equal(HttpStatusCode.OK, (await UploadAsync(other.Client, wav, "question.wav")).StatusCode);
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, byte[] file, string fileName)
    {
        using var form = new MultipartFormDataContent();
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(content, "audio_file", fileName);
        return await client.PostAsync("/api/learntrac/v1/voice/transcribe", form);
    }

    private static async Task AssertErrorAsync(HttpResponseMessage response, HttpStatusCode status, string code, string messagePart)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {(int)status}, got {(int)response.StatusCode}: {body}");
        var error = JsonDocument.Parse(body).RootElement.GetProperty("error");
        Assert.Equal(code, error.GetProperty("code").GetString());
        Assert.Contains(messagePart, error.GetProperty("message").GetString(), StringComparison.OrdinalIgnoreCase);
    }
}
