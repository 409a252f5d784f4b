using System.Security.Claims;
using Pipeline.Domain.Tracks;
using Pipeline.Edge.Api.Auth;
using Pipeline.Edge.Api.Errors;

namespace Pipeline.Edge.Api.Tracks;

/// <summary>A track or module is visible to its owner only; anyone else gets the same 404 as for one that does not exist.</summary>
public static class TrackAccess
{
    public static async Task<Track> GetOwnedTrackAsync(this TrackStore tracks, long trackId, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var track = await tracks.GetAsync(trackId, cancellationToken);
        return track is not null && track.OwnerId == user.UserId() ? track : throw ApiException.NotFound("Track not found");
    }

    public static async Task<TrackModule> GetOwnedModuleAsync(this TrackStore tracks, long moduleId, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var module = await tracks.GetModuleAsync(moduleId, cancellationToken);
        return module is not null && module.OwnerId == user.UserId() ? module : throw ApiException.NotFound("Module not found");
    }
}
