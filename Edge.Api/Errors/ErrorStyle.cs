namespace Pipeline.Edge.Api.Errors;

/// <summary>Which seed's error shape a route uses; decided by its path prefix.</summary>
public enum ErrorStyle
{
    /// <summary>Seeds 000, 001, 002 (FastAPI style): <c>{"detail": "..."}</c>.</summary>
    Detail,

    /// <summary>Seed 004 (<c>/api/v1</c>): <c>{"code", "message", "details"}</c>.</summary>
    CodeMessage,

    /// <summary>Seed 003 (<c>/api/learntrac</c>): <c>{"error": {"code", "message", "details", "request_id", "timestamp"}}</c>.</summary>
    Envelope,
}
