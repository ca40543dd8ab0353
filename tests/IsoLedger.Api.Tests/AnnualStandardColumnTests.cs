using IsoLedger.Api.Dashboards;
using IsoLedger.Api.Reports;
using IsoLedger.Domain.LegalBasis;
using IsoLedger.Domain.Units;

namespace IsoLedger.Api.Tests;

/// <summary>The annual report's standard column names the edition, or the conversion to 2015 while it is under way on
/// 2008 or once it is done on 2015. The dashboard shows <see cref="AnnualRow.ConversionShown"/>; the exports use the
/// same property, so both say the same of every unit (a unit that went on to a later edition had read "converted" on
/// the dashboard and its edition in the export).</summary>
public class AnnualStandardColumnTests
{
    [Theory]
    [InlineData("2015", ConversionState.Done, ConversionState.Done, "Đã ch/đổi 9001:2015")]
    [InlineData("2008", ConversionState.InProgress, ConversionState.InProgress, "Đang ch/đổi")]
    [InlineData("2015/Amd1:2024", ConversionState.Done, null, "2015/Amd1:2024")]
    [InlineData("2015", ConversionState.InProgress, null, "2015")]
    [InlineData("2008", ConversionState.None, null, "2008")]
    [InlineData("none", ConversionState.None, null, "")]
    public void The_dashboard_and_the_export_show_one_standard(
        string standard, ConversionState conversion, ConversionState? shown, string exported)
    {
        var row = new AnnualRow("S-1", "Sở Nội vụ", UnitLevel.Department, null, standard != Editions.None,
            false, false, false, false, false, false, false, null, standard, conversion);
        var table = new AnnualTable("Quảng Trị", 2025, new DateOnly(2025, 12, 31), [row],
            AnnualTotals.Of("all", [row]), [], []);

        Assert.Equal(shown, row.ConversionShown);
        var line = AnnualReport.Table(table, english: false).Sections[0].Rows.Single(r => Equals(r[1], row.Name));
        Assert.Equal(exported, line[^1]);
    }
}
