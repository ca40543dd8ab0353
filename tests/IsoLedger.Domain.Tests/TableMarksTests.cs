using IsoLedger.Domain.Imports;

namespace IsoLedger.Domain.Tests;

/// <summary>The marks other provinces' clerks write in their report tables' columns of steps.</summary>
public class TableMarksTests
{
    [Theory]
    [InlineData("x")]
    [InlineData("X")]
    [InlineData("√")]
    [InlineData("✓")]
    [InlineData("✔")]
    [InlineData("✔\uFE0F")]
    [InlineData("☑")]
    [InlineData("✅")]
    [InlineData("Có")]
    [InlineData("có")]
    [InlineData("CÓ")]
    [InlineData("co\u0301")]
    [InlineData("Đạt")]
    [InlineData("đạt")]
    [InlineData("ĐẠT")]
    [InlineData("x\u200B")]
    [InlineData("×")]
    [InlineData("ｘ")]
    [InlineData("Ｘ")]
    [InlineData("Đã thực hiện")]
    [InlineData("đã ban hành")]
    [InlineData("Đã báo cáo.")]
    [InlineData("Đã")]
    [InlineData("1")]
    [InlineData("(x)")]
    [InlineData("[ x ]")]
    [InlineData("(Đã thực hiện)")]
    public void A_tick_or_a_word_for_done_is_a_mark(string text) => Assert.True(TableMarks.Read(text));

    [Theory]
    [InlineData("")]
    [InlineData("Không")]
    [InlineData("ko")]
    [InlineData("Chưa")]
    [InlineData("-")]
    [InlineData("Chưa thực hiện")]
    [InlineData("Không báo cáo")]
    [InlineData("Chưa ban hành")]
    [InlineData("0")]
    [InlineData("(không)")]
    [InlineData("()")]
    public void An_empty_cell_or_a_word_for_not_done_is_no_mark(string text) => Assert.False(TableMarks.Read(text));

    [Theory]
    [InlineData("yes", "is not a mark")]
    [InlineData("2", "is not a mark")]
    [InlineData("(x", "is not a mark")]
    [InlineData("(nt)", "repeats the row above")]
    [InlineData("✗", "is not a mark")]
    [InlineData("-nt-", "repeats the row above")]
    [InlineData("Như trên", "repeats the row above")]
    public void Anything_else_is_refused(string text, string reason)
    {
        Assert.Null(TableMarks.Read(text));
        Assert.Contains(reason, TableMarks.NotAMark(text));
    }
}
