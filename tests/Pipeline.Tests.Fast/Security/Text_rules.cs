using Pipeline.Edge.Api.Security;

namespace Pipeline.Tests.Fast.Security;

public sealed class Text_rules
{
    [Theory]
    [InlineData("plain text")]
    [InlineData("lines\nand\ttabs\r\n")]
    [InlineData("émoji 😀 and 漢字")]
    [InlineData("")]
    public void Ordinary_text_including_tabs_newlines_and_surrogate_pairs_is_text(string text)
    {
        Assert.True(TextRules.IsText(text));
        Assert.Equal(-1, TextRules.FirstUnsafe(text));
        Assert.Equal("", TextRules.Describe(text));
    }

    [Theory]
    [InlineData("a\0b", 1, "U+0000")]
    [InlineData("bell\u0007", 4, "U+0007")]
    [InlineData("del\u007F", 3, "U+007F")]
    [InlineData("c1\u0085", 2, "U+0085")]
    [InlineData("x\uFFFE", 1, "U+FFFE")]
    [InlineData("x\uFFFF", 1, "U+FFFF")]
    public void Control_characters_and_noncharacters_are_refused_and_named_by_code_point(string text, int index, string described)
    {
        Assert.False(TextRules.IsText(text));
        Assert.Equal(index, TextRules.FirstUnsafe(text));
        Assert.Equal(described, TextRules.Describe(text));
    }

    [Fact]
    public void A_lone_high_surrogate_is_refused()
    {
        Assert.Equal(2, TextRules.FirstUnsafe("ab\uD83D"));
        Assert.Equal(1, TextRules.FirstUnsafe("a\uD83Dz"));
    }

    [Fact]
    public void A_lone_low_surrogate_is_refused()
    {
        Assert.Equal(0, TextRules.FirstUnsafe("\uDE00abc"));
        Assert.Equal("U+DE00", TextRules.Describe("\uDE00abc"));
    }
}
