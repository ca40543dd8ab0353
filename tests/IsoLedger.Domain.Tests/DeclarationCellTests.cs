using IsoLedger.Domain.Imports;

namespace IsoLedger.Domain.Tests;

/// <summary>The declared column as a list of the units that declared writes it: a mark, the day, or the decision
/// (its number kept as written, in its letter case).</summary>
public class DeclarationCellTests
{
    [Theory]
    [InlineData("x", true, null, null)]
    [InlineData("", false, null, null)]
    [InlineData("chưa", false, null, null)]
    [InlineData("15/8/2018", true, "2018-08-15", null)]
    [InlineData("ngày 15 tháng 8 năm 2018", true, "2018-08-15", null)]
    [InlineData("Số 85/QĐ-UBND ngày 15/8/2018", true, "2018-08-15", "85/QĐ-UBND")]
    [InlineData("QĐ số 85/QĐ-UBND, ngày 15/08/2018", true, "2018-08-15", "85/QĐ-UBND")]
    [InlineData("Quyết định số 1203/QĐ-SKHCN ngày 2/3/2019", true, "2019-03-02", "1203/QĐ-SKHCN")]
    [InlineData("85/QĐ-UBND (15/8/2018)", true, "2018-08-15", "85/QĐ-UBND")]
    [InlineData("QĐ 85/QĐ-UBND", true, null, "85/QĐ-UBND")]
    [InlineData("85/QD-UBND", true, null, "85/QD-UBND")]
    [InlineData("số  12/2019/QĐ-UBND ngày 5/6/2019", true, "2019-06-05", "12/2019/QĐ-UBND")]
    [InlineData("Số 7/QĐ-CCTTh.", true, null, "7/QĐ-CCTTh")]
    public void A_mark_a_day_or_a_decision_declares(string written, bool declared, string? on, string? decisionNo)
    {
        var cell = DeclarationCell.Read(written);
        Assert.NotNull(cell);
        Assert.Equal((declared, on is null ? (DateOnly?)null : DateOnly.Parse(on), decisionNo),
            (cell.Declared, cell.On, cell.DecisionNo));
    }

    [Theory]
    [InlineData("85/QĐ-UBND ngày 8/2018")]
    [InlineData("8/2018")]
    [InlineData("Đã công bố lại")]
    [InlineData("-nt-")]
    [InlineData("Số 85")]
    public void Anything_else_is_refused(string written) => Assert.Null(DeclarationCell.Read(written));

    /// <summary>An export writes a declaration's day and decision so that the column reads them back as they are; a
    /// number it would not read back so (another form, a full stop at its end) is not written.</summary>
    [Theory]
    [InlineData("85/QĐ-UBND", "Số 85/QĐ-UBND ngày 15/8/2018")]
    [InlineData("12/2019/QĐ-UBND", "Số 12/2019/QĐ-UBND ngày 15/8/2018")]
    [InlineData("85/qd-ubnd", "Số 85/qd-ubnd ngày 15/8/2018")]
    [InlineData("QĐ bảy năm 2019", null)]
    [InlineData("85/QĐ-UBND ngày 3/4/2018", null)]
    [InlineData("7/QĐ-CCTTh.", null)]
    [InlineData("", null)]
    public void A_declaration_is_written_as_the_column_reads_it_back(string decisionNo, string? written)
    {
        var on = new DateOnly(2018, 8, 15);
        Assert.Equal(written, DeclarationCell.Written(on, decisionNo));
        if (written is not null) Assert.Equal(new DeclarationCell(true, on, decisionNo), DeclarationCell.Read(written));
    }
}
