using IsoLedger.Domain.Imports;
using IsoLedger.Domain.Units;
using static IsoLedger.Domain.Tests.UnitSpec;

namespace IsoLedger.Domain.Tests;

/// <summary>The standard column as the appendices write it: the Quảng Trị 2020 appendix heads its columns "Áp dụng
/// 2008" and "Áp dụng 2015" and fills the latter with "Đã ch/đổi 9001:2015", "Đang ch/đổi áp dụng", "9001:2015" or
/// "Áp dụng 2015"; other tables note the conversion beside the edition.</summary>
public class StandardCellTests
{
    [Theory]
    [InlineData("", null, null)]
    [InlineData("2015", "2015", null)]
    [InlineData("TCVN ISO 9001:2015", "2015", null)]
    [InlineData("9001:2015", "2015", null)]
    [InlineData("Áp dụng 2015", "2015", null)]
    [InlineData("Áp dụng 2008", "2008", null)]
    [InlineData("Đang áp dụng TCVN ISO 9001:2008", "2008", null)]
    [InlineData("áp dụng tiêu chuẩn ISO 9001:2000", "2000", null)]
    [InlineData("Đã ch/đổi 9001:2015", "2015", ConversionState.Done)]
    [InlineData("Đã ch/đổi", "2015", ConversionState.Done)]
    [InlineData("Đang ch/đổi áp dụng", "2008", ConversionState.InProgress)]
    [InlineData("TCVN ISO 9001:2015 (chuyển đổi)", "2015", ConversionState.Done)]
    [InlineData("TCVN ISO 9001:2015 (đã chuyển đổi)", "2015", ConversionState.Done)]
    [InlineData("TCVN ISO 9001:2015(đang chuyển đổi)", "2008", ConversionState.InProgress)]
    [InlineData("ISO 9001:2008 (chưa chuyển đổi)", "2008", ConversionState.None)]
    public void An_edition_as_tables_write_it_with_its_conversion(
        string written, string? edition, ConversionState? conversion)
    {
        var cell = StandardCell.Read(written, Book);
        Assert.NotNull(cell);
        Assert.Equal((edition, conversion), (cell.Edition?.Name, cell.Conversion));
    }

    [Theory]
    [InlineData("Áp dụng")]
    [InlineData("2016")]
    [InlineData("Chưa chuyển đổi")]
    [InlineData("TCVN ISO 9001:2015 (ghi chú)")]
    [InlineData("ISO 14001:2015")]
    [InlineData("x")]
    public void Anything_else_is_refused(string written) => Assert.Null(StandardCell.Read(written, Book));
}
