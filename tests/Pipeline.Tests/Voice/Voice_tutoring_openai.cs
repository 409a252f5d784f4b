using System.Net;
using System.Net.Http.Headers;
using Pipeline.Tests.Fakes;
using Pipeline.Tests.Infrastructure;
using Pipeline.Tests.LearningPaths;

namespace Pipeline.Tests.Voice;

/// <summary>Voice tutoring through the real OpenAI SDK against the local fake server's audio and chat endpoints.</summary>
public sealed class Voice_tutoring_openai(VoiceOpenAiFixture fixture) : IClassFixture<VoiceOpenAiFixture>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task An_upload_goes_to_the_transcription_endpoint_and_a_socket_answer_is_spoken_by_the_speech_endpoint()
    {
        fixture.Llm.Behaviour = _ => FakeChatReply.WithContent("Recursion is a function calling itself on a smaller problem.");
        var learner = await fixture.SignUpAsync();
        var wav = await SpokenQuestion.WavAsync();

        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(wav);
        file.Headers.ContentType = new MediaTypeHeaderValue("audio/wav");
        form.Add(file, "audio_file", "question.wav");
        var response = await learner.Client.PostAsync("/api/learntrac/v1/voice/transcribe", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.JsonAsync();
        var transcription = body.GetProperty("transcription");
        Assert.Equal(fixture.Llm.TranscriptText, transcription.GetProperty("text").GetString());
        Assert.Equal(Math.Round(Math.Exp(fixture.Llm.TranscriptAvgLogProb), 2), transcription.GetProperty("confidence").GetDouble());
        Assert.Equal("en-US", transcription.GetProperty("language").GetString());
        Assert.InRange(transcription.GetProperty("duration").GetDouble(), 1.5, 4.0);
        Assert.Equal("Recursion is a function calling itself on a smaller problem.", body.GetProperty("ai_response").GetProperty("answer").GetString());
        var heard = fixture.Llm.AudioRequests.Single(r => r.Endpoint == "transcriptions");
        Assert.Equal("whisper-1", heard.Model);
        Assert.Equal("en", heard.Language);
        Assert.Equal("verbose_json", heard.ResponseFormat);
        Assert.Equal(wav, heard.File);

        await using var socket = await VoiceSocketClient.ConnectAsync(fixture.BaseAddress, learner.AccessToken);
        await socket.SendAsync("connect", new { session_type = "voice_tutoring", preferred_voice = "nova" });
        await socket.NextAsync("connection_established", Wait);
        await socket.StreamAsync(wav, chunkBytes: 32 * 1024);
        Assert.Equal(fixture.Llm.TranscriptText, (await socket.NextAsync("transcription", Wait)).GetProperty("text").GetString());
        var answer = await socket.NextAsync("voice_response", Wait);
        Assert.Equal(1.0, answer.GetProperty("duration").GetDouble(), 2);
        var spoken = fixture.Llm.AudioRequests.Single(r => r.Endpoint == "speech");
        Assert.Equal(("tts-1", "nova", "wav"), (spoken.Model, spoken.Voice, spoken.ResponseFormat));
        Assert.Equal("Recursion is a function calling itself on a smaller problem.", spoken.Input);
        var audio = await learner.Client.GetByteArrayAsync(new Uri(answer.GetProperty("audio_url").GetString()!).PathAndQuery);
        Assert.Equal(1.0, SpokenQuestion.WavSeconds(audio), 2);
    }
}
