using FastEndpoints;
using Pipeline.Edge.Api.Auth;
using Pipeline.Edge.Api.Concepts;

namespace Pipeline.Edge.Api.Progress.Mine;

/// <summary>Seed 003: the caller's progress.</summary>
public sealed class Endpoint(ProgressReport report) : Endpoint<Request, ProgressResponse>
{
    public override void Configure()
    {
        Get(LearnTracRoutes.Prefix + "/progress");
        Description(d => d.WithTags(LearnTracRoutes.Tag).ProducesProblem(400).ProducesProblem(401));
    }

    public override async Task HandleAsync(Request r, CancellationToken ct) =>
        await Send.OkAsync(await report.BuildAsync(User.UserId(), r.Timeframe, r.Milestone, ct), ct);
}
