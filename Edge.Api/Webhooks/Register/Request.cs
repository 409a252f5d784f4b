using FastEndpoints;
using FluentValidation;
using Pipeline.Domain.Webhooks;

namespace Pipeline.Edge.Api.Webhooks.Register;

public sealed class Request
{
    public string Url { get; init; } = "";
    public List<string> Events { get; init; } = [];
    public string Secret { get; init; } = "";
    public bool Active { get; init; } = true;

    public sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Url).NotEmpty().WithMessage("url is required.").MaximumLength(2048).WithMessage("url must be at most 2048 characters.");
            RuleFor(r => r.Events).NotEmpty().WithMessage("events must name at least one event.")
                .Must(e => e.Count <= WebhookEvents.All.Count * 2).WithMessage("events has too many entries.");
            RuleForEach(r => r.Events).Must(e => WebhookEvents.All.Contains(e))
                .WithMessage(e => $"Unknown event; events are {string.Join(", ", WebhookEvents.All)}.");
            RuleFor(r => r.Secret).NotEmpty().WithMessage("secret is required.")
                .Length(8, 256).WithMessage("secret must be 8 to 256 characters.");
        }
    }
}
