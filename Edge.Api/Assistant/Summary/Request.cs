using System.Text.Json.Serialization;
using FastEndpoints;
using FluentValidation;

namespace Pipeline.Edge.Api.Assistant.Summary;

/// <summary>Exactly one of a note, a course or given text.</summary>
public sealed class Request
{
    [JsonPropertyName("noteId")] public long? NoteId { get; init; }
    [JsonPropertyName("courseId")] public long? CourseId { get; init; }
    public string? Text { get; init; }

    /// <summary>Checked by the endpoint, which names the field as the seed spells it (camelCase).</summary>
    public bool NamesExactlyOne => (NoteId is not null ? 1 : 0) + (CourseId is not null ? 1 : 0) + (string.IsNullOrWhiteSpace(Text) ? 0 : 1) == 1;

    public sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Text!).MaximumLength(20_000).When(r => r.Text is not null).WithMessage("text must be at most 20000 characters.");
        }
    }
}
