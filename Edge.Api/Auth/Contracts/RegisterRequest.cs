using System.ComponentModel.DataAnnotations;

namespace Pipeline.Edge.Api.Auth.Contracts;

/// <summary>Seed 004: <c>POST /api/v1/auth/register</c> (<c>{email, password, name?}</c>); LearnTrac also accepts a username.</summary>
public sealed record RegisterRequest(
    [Required] string Email,
    [Required] string Password,
    string? Name = null,
    string? Username = null);
