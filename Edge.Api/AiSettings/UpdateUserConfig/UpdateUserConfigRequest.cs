using FastEndpoints;
using FluentValidation;

namespace Pipeline.Edge.Api.AiSettings;

public sealed class UpdateUserConfigRequest
{
    public double? Temperature { get; init; }
    public int? MaxTokens { get; init; }
    public string? Language { get; init; }
    public string? Tone { get; init; }
    public string? AnswerLength { get; init; }

    public sealed class Validator : Validator<UpdateUserConfigRequest>
    {
        public Validator()
        {
            RuleFor(r => r.Temperature).InclusiveBetween(0, 2).WithMessage("temperature must be between 0 and 2.");
            RuleFor(r => r.MaxTokens).InclusiveBetween(16, 32000).WithMessage("max_tokens must be between 16 and 32000.");
            RuleFor(r => r.Language).Matches("^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})?$").WithMessage("language must be a language code such as en, ru or pt-BR.");
            RuleFor(r => r.Tone).Must(t => t is null || AiConfigView.Tones.Contains(t))
                .WithMessage($"tone must be one of: {string.Join(", ", AiConfigView.Tones)}.");
            RuleFor(r => r.AnswerLength).Must(t => t is null || AiConfigView.AnswerLengths.Contains(t))
                .WithMessage($"answer_length must be one of: {string.Join(", ", AiConfigView.AnswerLengths)}.");
        }
    }
}
