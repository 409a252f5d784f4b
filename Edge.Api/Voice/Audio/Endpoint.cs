using FastEndpoints;
using Microsoft.Net.Http.Headers;
using Pipeline.Domain.Voice;
using Pipeline.Edge.Api.Auth;
using Pipeline.Edge.Api.Errors;

namespace Pipeline.Edge.Api.Voice.Audio;

/// <summary>A spoken answer (the <c>audio_url</c> of a <c>voice_response</c>), to its owner only: anyone else gets 404.</summary>
public sealed class Endpoint(VoiceAudioStore audio) : Endpoint<Request>
{
    public override void Configure()
    {
        Get(VoiceAudioUrl.Route);
        Description(d => d.WithTags("LearnTrac voice").Produces(200, contentType: "audio/wav").ProducesProblem(StatusCodes.Status404NotFound));
    }

    public override async Task HandleAsync(Request request, CancellationToken ct)
    {
        var stored = VoiceAudioUrl.Parse(request.AudioId) is { } id
            ? await audio.FindOwnedAsync(id, User.UserId(), VoiceAudioKinds.Response, ct)
            : null;
        if (stored is null) throw ApiException.NotFound("Audio not found");
        HttpContext.Response.Headers[HeaderNames.CacheControl] = "private, max-age=86400";
        await Send.BytesAsync(stored.Audio, null, stored.ContentType, enableRangeProcessing: true, cancellation: ct);
    }
}
