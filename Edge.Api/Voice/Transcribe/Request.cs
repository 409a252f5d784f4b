using FastEndpoints;
using FluentValidation;

namespace Pipeline.Edge.Api.Voice.Transcribe;

/// <summary>Seed 003's multipart form: <c>audio_file</c> (wav, mp3, m4a), optional <c>context</c> (a concept id) and <c>language</c>.</summary>
public sealed class Request
{
    [BindFrom("audio_file")] public IFormFile? AudioFile { get; init; }

    /// <summary>A concept id ("1234" or "concept-1234") the question is about.</summary>
    public string? Context { get; init; }

    public string? Language { get; init; }

    public long? ConceptId => Context is { Length: > 0 } c && long.TryParse(c.StartsWith("concept-", StringComparison.Ordinal) ? c[8..] : c,
        System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) && id > 0 ? id : null;

    public sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.AudioFile).NotNull().WithMessage("audio_file is required: a wav, mp3 or m4a file.");
            RuleFor(r => r.AudioFile!.Length).GreaterThan(0).When(r => r.AudioFile is not null).WithName("audio_file").WithMessage("audio_file is empty.");
            RuleFor(r => r.Context).Must((r, c) => r.ConceptId is not null).When(r => !string.IsNullOrEmpty(r.Context))
                .WithMessage("context must be a concept id (a positive integer).");
            RuleFor(r => r.Language).Matches("^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}$").When(r => r.Language is not null)
                .WithMessage("language must be a language tag such as en-US.");
        }
    }
}
