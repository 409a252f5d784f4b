using Microsoft.AspNetCore.Http.Metadata;

namespace Pipeline.Edge.Api.Voice;

/// <summary>Endpoint metadata: this route takes bodies up to <see cref="MaxRequestBodySize"/> bytes instead of the API's
/// small default (Kestrel and Errors/RequestBodyLimit both read it).</summary>
public sealed record VoiceUploadSizeLimit(long? MaxRequestBodySize) : IRequestSizeLimitMetadata
{
    /// <summary>Room for the multipart boundaries and the other form fields around the file.</summary>
    public const long FormOverheadBytes = 64 * 1024;
}
