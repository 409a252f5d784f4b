namespace Pipeline.Handlers.Ai.Offline;

/// <summary>
/// How offline content announces itself, so nobody mistakes template text for model output: descriptions start with
/// <see cref="DescriptionPrefix"/>, card backs end with <see cref="CardBackSuffix"/>. Titles stay clean because they
/// are shown in lists and navigation.
/// </summary>
public static class OfflineLabel
{
    public const string DescriptionPrefix = "[Offline content]";
    public const string CardBackSuffix = "(offline sample)";
}
