using FastEndpoints;
using FluentValidation;

namespace Pipeline.Edge.Api.ModuleLearning;

public sealed class ModuleRequest
{
    public long? ModuleId { get; init; }

    public sealed class Validator : Validator<ModuleRequest>
    {
        public Validator() => RuleFor(r => r.ModuleId).NotNull().WithMessage("module_id is required.");
    }
}
