using FastEndpoints;
using Pipeline.Domain.Concepts;
using Pipeline.Edge.Api.Auth;
using Pipeline.Edge.Api.Auth.Accounts;
using Pipeline.Edge.Api.Errors;

namespace Pipeline.Edge.Api.Concepts.Certificate;

/// <summary>The <c>certificate_url</c> of a mastered concept: a PDF, for the learner who mastered it.</summary>
public sealed class Endpoint(ConceptStore concepts, ConceptProgressStore progress, UserStore users) : Endpoint<Request>
{
    public override void Configure()
    {
        Get(LearnTracRoutes.Prefix + "/certificates/{file}");
        Description(d => d.WithTags(LearnTracRoutes.Tag).Produces(200, contentType: "application/pdf").ProducesProblem(401).ProducesProblem(404));
    }

    public override async Task HandleAsync(Request r, CancellationToken ct)
    {
        var userId = User.UserId();
        if (!Certificates.TryParse(r.File, out var conceptId, out var prefix)) throw ApiException.NotFound("Certificate not found");
        var session = await progress.MasteredSessionAsync(userId, conceptId, prefix, ct) ?? throw ApiException.NotFound("Certificate not found");
        var concept = await concepts.GetAsync(conceptId, ct) ?? throw ApiException.NotFound("Certificate not found");
        var user = await users.FindAsync(userId, ct);
        var learner = user?.Name ?? user?.LoginName ?? $"Learner {userId}";
        var mastery = (await progress.ForUserAsync(userId, ct)).GetValueOrDefault(conceptId)?.Mastery ?? 0;
        var pdf = Certificates.Render(learner, concept.Title, concept.Milestone, mastery, session.EndedAt, session.Id);
        await Send.BytesAsync(pdf, r.File, "application/pdf", cancellation: ct);
    }
}
