using System.ComponentModel.DataAnnotations;

namespace Pipeline.Edge.Api.Auth.Contracts;

/// <summary>Seed 001: <c>POST /api/auth/register</c>.</summary>
public sealed record PlatformRegisterRequest(
    [Required] string Email,
    [Required] string Password,
    [Required] string FirstName,
    [Required] string LastName);
