using FastEndpoints;
using FluentValidation;

namespace Pipeline.Edge.Api.Voice.Audio;

public sealed class Request
{
    [BindFrom("audio_id")] public string AudioId { get; init; } = "";

    public sealed class Validator : Validator<Request>
    {
        public Validator() => RuleFor(r => r.AudioId).NotEmpty().MaximumLength(60);
    }
}
