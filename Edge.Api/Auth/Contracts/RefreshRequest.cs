using System.ComponentModel.DataAnnotations;

namespace Pipeline.Edge.Api.Auth.Contracts;

public sealed record RefreshRequest([Required] string RefreshToken);
