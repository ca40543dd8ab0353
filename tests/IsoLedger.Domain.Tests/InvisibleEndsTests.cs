using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace IsoLedger.Domain.Tests;

/// <summary>Property-based: the invisible characters among the spaces around a value (a byte order mark, a zero-width
/// space, a soft hyphen, a word joiner, a tag character outside the first plane) are no part of it; the spaces, and
/// all that is inside it, stay as they were.</summary>
public class InvisibleEndsTests
{
    private static readonly string[] Spaces = [" ", "\t", "\n", "\u00A0"];
    private static readonly string[] Invisible = ["\uFEFF", "\u200B", "\u00AD", "\u2060", "\U000E0041"];
    private static readonly string[] Letters = ["a", "Ư", "ệ", "1", "-", "'", "\U00020000", "x", "\u0301"];

    private static Gen<string[]> Of(string[] pieces, int least) =>
        from count in Gen.Choose(least, 6)
        from chosen in Gen.Elements(pieces).ArrayOf(count)
        select chosen;

    private static string Seen(string[] pieces) => string.Concat(pieces.Where(piece => !Invisible.Contains(piece)));

    private static readonly Arbitrary<(string[] Before, string Value, string[] After)> Values =
        (from before in Of([.. Spaces, .. Invisible], 0)
         from first in Gen.Elements(Letters)
         from inside in Of([.. Letters, .. Spaces, .. Invisible], 0)
         from last in Gen.Elements(Letters)
         from after in Of([.. Spaces, .. Invisible], 0)
         select (before, first + string.Concat(inside) + last, after)).ToArbitrary();

    [Property(MaxTest = 300)]
    public Property A_value_keeps_its_spaces_and_loses_the_invisible_characters_around_it() => Prop.ForAll(Values,
        written => UnicodeText.WithoutInvisibleEnds(string.Concat(written.Before) + written.Value
            + string.Concat(written.After)) == Seen(written.Before) + written.Value + Seen(written.After));

    [Theory]
    [InlineData("", "")]
    [InlineData(" \uFEFF\u200B\t", " \t")]
    [InlineData("\tX", "\tX")]
    public void Blanks_alone_keep_their_spaces(string blanks, string seen) =>
        Assert.Equal(seen, UnicodeText.WithoutInvisibleEnds(blanks));

    [Fact]
    public void Half_a_surrogate_pair_at_an_end_is_kept_for_the_check_that_refuses_it() =>
        Assert.Equal("a\uD800", UnicodeText.WithoutInvisibleEnds("\uFEFFa\uD800"));

    /// <summary>Kept for the check that refuses it: it makes the value show as something it is not.</summary>
    [Theory]
    [InlineData("\u202Ea", "\u202Ea")]
    [InlineData("a\u2069 ", "a\u2069 ")]
    [InlineData("\uFEFF\u202Aa\u202C\u200B", "\u202Aa\u202C")]
    public void A_bidirectional_control_at_an_end_is_kept(string written, string kept) =>
        Assert.Equal(kept, UnicodeText.WithoutInvisibleEnds(written));
}
