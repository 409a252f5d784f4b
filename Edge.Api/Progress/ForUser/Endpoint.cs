using System.Globalization;
using FastEndpoints;
using Pipeline.Edge.Api.Auth.Accounts;
using Pipeline.Edge.Api.Concepts;
using Pipeline.Edge.Api.Errors;

namespace Pipeline.Edge.Api.Progress.ForUser;

/// <summary>Seed 003: a learner's progress for an instructor (or admin); students get 403.</summary>
public sealed class Endpoint(ProgressReport report, UserStore users) : Endpoint<Request, ProgressResponse>
{
    public override void Configure()
    {
        Get(LearnTracRoutes.Prefix + "/progress/{user_id}");
        Policies(Auth.Policies.Instructor);
        Description(d => d.WithTags(LearnTracRoutes.Tag).ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(404));
    }

    public override async Task HandleAsync(Request r, CancellationToken ct)
    {
        if (!long.TryParse(r.UserId, NumberStyles.None, CultureInfo.InvariantCulture, out var userId) || await users.FindAsync(userId, ct) is null)
            throw ApiException.NotFound($"User {r.UserId} not found");
        await Send.OkAsync(await report.BuildAsync(userId, r.Timeframe, r.Milestone, ct), ct);
    }
}
