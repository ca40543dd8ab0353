using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace IsoLedger.Domain.Tests;

/// <summary>Property-based: spaces and invisible characters around a value (a byte order mark, a zero-width space, a
/// soft hyphen, a word joiner, a tag character outside the first plane) are no part of it, and what is inside it
/// stays as it was.</summary>
public class UnicodeTextTrimmedTests
{
    private static readonly string[] Blanks = [" ", "\t", "\u00A0", "\uFEFF", "\u200B", "\u00AD", "\u2060", "\U000E0041"];
    private static readonly string[] Letters = ["a", "Ư", "ệ", "1", "-", "'", "\U00020000", "x", "\u0301"];

    private static Gen<string> Of(string[] pieces, int least) =>
        from count in Gen.Choose(least, 6)
        from chosen in Gen.Elements(pieces).ArrayOf(count)
        select string.Concat(chosen);

    private static readonly Arbitrary<(string Before, string Value, string After)> Values =
        (from before in Of(Blanks, 0)
         from first in Gen.Elements(Letters)
         from inside in Of([.. Letters, .. Blanks], 0)
         from last in Gen.Elements(Letters)
         from after in Of(Blanks, 0)
         select (before, first + inside + last, after)).ToArbitrary();

    [Property(MaxTest = 300)]
    public Property A_value_is_what_stands_between_its_blanks() => Prop.ForAll(Values, written =>
        UnicodeText.Trimmed(written.Before + written.Value + written.After) == written.Value);

    [Theory]
    [InlineData("")]
    [InlineData(" \uFEFF\u200B ")]
    public void Blanks_alone_are_nothing(string blanks) => Assert.Equal("", UnicodeText.Trimmed(blanks));

    [Fact]
    public void Half_a_surrogate_pair_at_an_end_is_kept_for_the_check_that_refuses_it() =>
        Assert.Equal("a\uD800", UnicodeText.Trimmed(" a\uD800"));
}
