using FastEndpoints;
using FluentValidation;

namespace Pipeline.Edge.Api.Analytics;

public sealed class ExportRoute
{
    [BindFrom("export_id")] public string ExportId { get; init; } = "";

    public sealed class Validator : Validator<ExportRoute>
    {
        public Validator() => RuleFor(r => r.ExportId).NotEmpty().MaximumLength(100);
    }
}
