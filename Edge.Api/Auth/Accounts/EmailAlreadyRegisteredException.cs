using Pipeline.Edge.Api.Errors;

namespace Pipeline.Edge.Api.Auth.Accounts;

/// <summary>409 by default (seeds 003, 004); seed 001's FastAPI contract answers 400 instead.</summary>
public sealed class EmailAlreadyRegisteredException() : ApiException(StatusCodes.Status409Conflict, "Email already registered");
