using System.ComponentModel.DataAnnotations;

namespace Pipeline.Handlers.Resources;

/// <summary>Section <c>Resources</c>: the starter catalogue and embedding settings.</summary>
public sealed class ResourceOptions
{
    public const string Section = "Resources";

    /// <summary>Load the shipped starter catalogue (Resources/starter-catalogue.json) on start and embed what is not embedded.</summary>
    public bool LoadCatalogue { get; set; } = true;

    /// <summary>The OpenAI embedding model used when <c>Ai:Endpoint</c> is configured.</summary>
    [Required] public string OpenAiEmbeddingModel { get; set; } = "text-embedding-3-small";

    /// <summary>
    /// <c>local</c> (MiniLM, in process) or <c>openai</c>. Unset: <c>openai</c> when <c>Ai:Endpoint</c> is configured and
    /// the AI provider is not forced offline, otherwise <c>local</c>.
    /// </summary>
    [RegularExpression(@"^\s*(?i:local|openai)\s*$", ErrorMessage = "Resources:EmbeddingProvider must be local or openai.")]
    public string? EmbeddingProvider { get; set; }
}
