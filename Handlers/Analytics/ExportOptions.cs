using System.ComponentModel.DataAnnotations;

namespace Pipeline.Handlers.Analytics;

/// <summary>Settings of section <c>Analytics</c>.</summary>
public sealed class ExportOptions
{
    public const string Section = "Analytics";

    /// <summary>Where DejaVuSans.ttf and DejaVuSans-Bold.ttf are (Debian's fonts-dejavu-core).</summary>
    [Required] public string FontDirectory { get; set; } = "/usr/share/fonts/truetype/dejavu";
}
