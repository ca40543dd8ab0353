using IsoLedger.Domain.Imports;

namespace IsoLedger.Domain.Tests;

/// <summary>The declared column as a list of the units that declared writes it: a mark, the day, or the decision.
/// </summary>
public class DeclarationCellTests
{
    [Theory]
    [InlineData("x", true, null)]
    [InlineData("", false, null)]
    [InlineData("chưa", false, null)]
    [InlineData("15/8/2018", true, "2018-08-15")]
    [InlineData("ngày 15 tháng 8 năm 2018", true, "2018-08-15")]
    [InlineData("Số 85/QĐ-UBND ngày 15/8/2018", true, "2018-08-15")]
    [InlineData("QĐ số 85/QĐ-UBND, ngày 15/08/2018", true, "2018-08-15")]
    [InlineData("Quyết định số 1203/QĐ-SKHCN ngày 2/3/2019", true, "2019-03-02")]
    [InlineData("85/QĐ-UBND (15/8/2018)", true, "2018-08-15")]
    [InlineData("QĐ 85/QĐ-UBND", true, null)]
    [InlineData("85/QD-UBND", true, null)]
    public void A_mark_a_day_or_a_decision_declares(string written, bool declared, string? on)
    {
        var cell = DeclarationCell.Read(written);
        Assert.NotNull(cell);
        Assert.Equal((declared, on is null ? (DateOnly?)null : DateOnly.Parse(on)), (cell.Declared, cell.On));
    }

    [Theory]
    [InlineData("85/QĐ-UBND ngày 8/2018")]
    [InlineData("8/2018")]
    [InlineData("Đã công bố lại")]
    [InlineData("-nt-")]
    [InlineData("Số 85")]
    public void Anything_else_is_refused(string written) => Assert.Null(DeclarationCell.Read(written));
}
