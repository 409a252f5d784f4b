using FastEndpoints;
using Pipeline.Domain.Voice;
using Pipeline.Edge.Api.Auth;
using Pipeline.Edge.Api.Errors;
using Pipeline.Edge.Api.RateLimits;
using Pipeline.Edge.Api.TutoringChat;

namespace Pipeline.Edge.Api.Voice.Transcribe;

/// <summary>
/// Seed 003 <c>POST /api/learntrac/v1/voice/transcribe</c>: the learner's recorded question (wav, mp3 or m4a) is
/// transcribed by Handlers, its seconds count against the daily voice minutes, and the tutor answers it in a new tutoring
/// chat (<c>chat_id</c>, continued with <c>/chat/{chat_id}/message</c>). 400 for a file that is not wav/mp3/m4a audio or is
/// too long, 413 beyond <c>Voice:MaxUploadBytes</c>, 429 beyond the minutes.
/// </summary>
public sealed class Endpoint(VoiceTutor voice) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Post("/api/learntrac/v1/voice/transcribe");
        AllowFileUploads();
        var maxUpload = Config.GetValue($"{VoiceOptions.Section}:{nameof(VoiceOptions.MaxUploadBytes)}", new VoiceOptions().MaxUploadBytes);
        Options(o => o.WithMetadata(new RateLimitedAs(RateLimitPolicies.Voice), new VoiceUploadSizeLimit(maxUpload + VoiceUploadSizeLimit.FormOverheadBytes)));
        Description(d => d.WithTags("LearnTrac voice").ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status429TooManyRequests).ProducesProblem(StatusCodes.Status502BadGateway).ProducesProblem(StatusCodes.Status504GatewayTimeout));
    }

    public override async Task HandleAsync(Request request, CancellationToken ct)
    {
        var file = request.AudioFile!;
        if (file.Length > voice.Limits.MaxUploadBytes) throw VoiceTutor.TooLarge(voice.Limits.MaxUploadBytes);
        var bytes = new byte[file.Length];
        await using (var stream = file.OpenReadStream()) await stream.ReadExactlyAsync(bytes, ct);
        var format = AudioFormat.Detect(bytes, AudioFormat.UploadFormats)
            ?? throw ApiException.BadRequest("Unsupported audio format: audio_file must be a wav, mp3 or m4a file.");

        var userId = User.UserId();
        var heard = await voice.TranscribeAsync(userId, bytes, format, request.Language ?? "en-US", ct);
        await voice.ChargeAsync(userId, heard.DurationSeconds);
        if (string.IsNullOrWhiteSpace(heard.Text)) throw ApiException.BadRequest("No speech was recognised in the audio.");

        var chat = await voice.StartConversationAsync(userId, request.ConceptId, heard.Text, ct);
        var answer = await voice.AnswerAsync(chat, heard.Text, ct);
        await Send.OkAsync(new Response(
            new Transcription(heard.Text, heard.Confidence, heard.DurationSeconds, heard.Language),
            new TutorAnswer(answer.Content, await voice.RelatedConceptsAsync(request.ConceptId, ct), TutorReply.ChatId(chat.Id))), ct);
    }
}
