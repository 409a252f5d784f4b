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

    /// <summary>
    /// Where the local model's file is kept (copied from the package's DLL on first use, checked against it on every
    /// load). Unset: <c>pipeline/models</c> in the user's local application data folder (<c>~/.local/share</c>); without
    /// one, or when it cannot be written, a new private temporary folder.
    /// </summary>
    public string? ModelDirectory { get; set; }

    /// <summary><see cref="ModelDirectory"/>, or the default (creating the private temporary folder when there is no other).</summary>
    public string ResolveModelDirectory() =>
        !string.IsNullOrWhiteSpace(ModelDirectory) ? ModelDirectory
        : Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify) is { Length: > 0 } local
            ? Path.Combine(local, "pipeline", "models")
            : MiniLmModelFile.PrivateTemporaryDirectory();

    /// <summary>
    /// Minutes without an embedding after which the local model leaves memory (about 170 MB); the next embedding loads
    /// it again (a few hundred milliseconds). 0 keeps it loaded.
    /// </summary>
    [Range(0, 1440)] public double ModelIdleMinutes { get; set; } = 10;
}
