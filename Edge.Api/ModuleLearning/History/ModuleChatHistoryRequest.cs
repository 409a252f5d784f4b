using FastEndpoints;
using FluentValidation;

namespace Pipeline.Edge.Api.ModuleLearning;

public sealed class ModuleChatHistoryRequest
{
    public long? ModuleId { get; init; }
    public long? ChatId { get; init; }

    public sealed class Validator : Validator<ModuleChatHistoryRequest>
    {
        public Validator() => RuleFor(r => r).Must(r => r.ModuleId is not null || r.ChatId is not null).WithName("module_id")
            .WithMessage("module_id (or chat_id) is required.");
    }
}
