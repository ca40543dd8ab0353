using IsoLedger.Domain.Imports;

namespace IsoLedger.Domain.Tests;

/// <summary>A question mark touching a letter stands where a Vietnamese letter was lost to an encoding without it.
/// </summary>
public class LostLettersTests
{
    [Theory]
    [InlineData("UBND x? Gia C?t")]
    [InlineData("S? N?i v?")]
    [InlineData("H?i L?ng")]
    [InlineData("Qu?ng Tr?")]
    [InlineData("?ak Lak")]
    [InlineData("Nguy?n V?n A")]
    [InlineData("UBND xã ?ông Hà")]
    public void A_question_mark_touching_a_letter_is_a_letter_lost(string text) => Assert.True(LostLetters.In(text));

    [Theory]
    [InlineData("UBND xã Gia Cát")]
    [InlineData("Sở Nội vụ")]
    [InlineData("")]
    [InlineData("?")]
    [InlineData("Tổ ? công tác")]
    [InlineData("Phường 1?2")]
    [InlineData("(?)")]
    public void Text_without_one_has_lost_none(string text) => Assert.False(LostLetters.In(text));
}
