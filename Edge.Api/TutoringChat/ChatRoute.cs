using FastEndpoints;
using FluentValidation;

namespace Pipeline.Edge.Api.TutoringChat;

public sealed class ChatRoute
{
    [BindFrom("chat_id")] public string ChatId { get; init; } = "";

    public sealed class Validator : Validator<ChatRoute>
    {
        public Validator() => RuleFor(r => r.ChatId).NotEmpty().MaximumLength(40);
    }
}
