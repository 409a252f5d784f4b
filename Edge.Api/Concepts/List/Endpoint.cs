using FastEndpoints;
using Pipeline.Domain.Concepts;
using Pipeline.Edge.Api.Auth;

namespace Pipeline.Edge.Api.Concepts.List;

/// <summary>Seed 003: concepts (Trac tickets) with every documented filter; status is the caller's own.</summary>
public sealed class Endpoint(ConceptStore concepts, ConceptProgressStore progress) : Endpoint<Request, ConceptList>
{
    public override void Configure()
    {
        Get(LearnTracRoutes.Prefix + "/concepts");
        Description(d => d.WithTags(LearnTracRoutes.Tag).ProducesProblem(400).ProducesProblem(401));
    }

    public override async Task HandleAsync(Request r, CancellationToken ct)
    {
        var userId = User.UserId();
        var (items, total) = await concepts.ListAsync(
            new ConceptFilter(r.Status, r.Type, r.Difficulty, r.Component, r.Milestone, r.Owner, r.Limit, r.Offset), userId, ct);
        var mine = await progress.ForUserAsync(userId, ct);
        await Send.OkAsync(new ConceptList(
            items.Select(c => ConceptSummary.From(c, mine.GetValueOrDefault(c.Id)?.Status ?? ConceptStatus.New)).ToList(),
            total, r.Limit, r.Offset), ct);
    }
}
