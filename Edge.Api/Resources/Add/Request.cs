using FastEndpoints;
using FluentValidation;

namespace Pipeline.Edge.Api.Resources.Add;

public sealed class Request
{
    public string Title { get; init; } = "";
    public ResourceType Type { get; init; } = ResourceType.Article;
    public string Url { get; init; } = "";
    public string Description { get; init; } = "";
    public string[] Tags { get; init; } = [];
    /// <summary>manual (default) or recommended (adding one that <c>/resources/recommend</c> suggested).</summary>
    public ResourceSource Source { get; init; } = ResourceSource.Manual;

    public sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Title).NotEmpty().WithMessage("title is required.").MaximumLength(300).WithMessage("title must be at most 300 characters.");
            RuleFor(r => r.Url).NotEmpty().WithMessage("url is required.").MaximumLength(2000).WithMessage("url must be at most 2000 characters.")
                .Must(u => Uri.TryCreate(u, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
                .WithMessage("url must be an absolute http or https URL.");
            RuleFor(r => r.Description).MaximumLength(5000).WithMessage("description must be at most 5000 characters.");
            RuleFor(r => r.Tags).Must(t => t.Length <= 20 && t.All(x => x.Trim().Length is > 0 and <= 50)).WithMessage("tags: at most 20, each 1 to 50 characters.");
        }
    }
}
