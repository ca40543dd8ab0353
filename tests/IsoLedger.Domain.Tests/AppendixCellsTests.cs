using IsoLedger.Domain.Imports;
using IsoLedger.Domain.LegalBasis;
using IsoLedger.Domain.Units;

namespace IsoLedger.Domain.Tests;

/// <summary>What an appendix in its own columns says beyond the import format: a unit's state in words ("Ghi chú"),
/// the level of the rows under a tier's heading, the code of a unit listed without one, and a restructuring note
/// after a dash, which is no part of a name.</summary>
public class AppendixCellsTests
{
    private static readonly RuleBook Book = ShippedRuleBook.Table;

    [Theory]
    [InlineData("Đã công bố", true, null, null)]
    [InlineData("Đã công bố TCVN ISO 9001:2015", true, "2015", null)]
    [InlineData("Đang xây dựng", false, null, null)]
    [InlineData("Chưa công bố", false, null, null)]
    [InlineData("Chưa chuyển đổi", null, "2008", ConversionState.None)]
    [InlineData("Đang chuyển đổi", null, "2008", ConversionState.InProgress)]
    [InlineData("Đã chuyển đổi sang TCVN ISO 9001:2015", null, "2015", ConversionState.Done)]
    [InlineData("", null, null, null)]
    public void A_note_states_the_unit_s_state(
        string text, bool? declared, string? edition, ConversionState? conversion)
    {
        var note = NoteCell.Read(text, Book);
        Assert.NotNull(note);
        Assert.Equal((declared, edition is null ? null : Book.Named(edition), conversion),
            (note.Declared, note.Standard.Edition, note.Standard.Conversion));
    }

    [Theory]
    [InlineData("Tư vấn hướng dẫn")]
    [InlineData("Sáp nhập từ xã A")]
    public void Any_other_note_is_none(string text) => Assert.Null(NoteCell.Read(text, Book));

    [Theory]
    [InlineData("I. Các Sở, ban, ngành", UnitLevel.Department)]
    [InlineData("II. UBND cấp huyện", UnitLevel.District)]
    [InlineData("III. UBND cấp xã", UnitLevel.Commune)]
    [InlineData("Huyện Hải Lăng:", UnitLevel.Commune)]
    public void A_heading_gives_the_level_of_the_rows_under_it(string text, UnitLevel level) =>
        Assert.Equal(level, TableHeading.Read(text)?.Level);

    [Fact]
    public void A_unit_listed_without_a_code_gets_one_from_what_names_it()
    {
        var code = ListedUnitCodes.Of("Quảng Trị", UnitLevel.Commune, "Hải Lăng", "UBND xã Hải Sơn");
        Assert.Matches("^QT-XA-[0-9A-F]{10}$", code);
        Assert.True(UnitCode.IsValid(code));
        // Spelled otherwise, the same unit; another district, another unit.
        Assert.Equal(
            code, ListedUnitCodes.Of("Quảng Trị", UnitLevel.Commune, "Huyện Hải Lăng:", "1. UBND Xã Hải Sơn."));
        Assert.NotEqual(code, ListedUnitCodes.Of("Quảng Trị", UnitLevel.Commune, "Gio Linh", "UBND xã Hải Sơn"));
        Assert.StartsWith("DL-SO-", ListedUnitCodes.Of("Đắk Lắk", UnitLevel.Department, null, "Sở Nội vụ"));
    }

    /// <summary>A merged province's appendix lists a former province's unit with it: its code is the one that
    /// province's own tables gave it, not that of the successor's unit of the same name.</summary>
    [Fact]
    public void A_unit_listed_with_its_former_province_gets_the_code_of_that_province_s_unit()
    {
        var row = new ReportRow("Quảng Trị", "", "Sở Nội vụ", UnitLevel.Department, null, null, 2025,
            new DateOnly(2025, 12, 15), true, null, null, false, false, false, false, false, false, false, null);

        var former = row with { Details = new RowDetails(FormerProvince: "Quảng Bình") };

        Assert.Equal(ListedUnitCodes.Of("Quảng Trị", UnitLevel.Department, null, "Sở Nội vụ"), ListedUnitCodes.Of(row));
        Assert.Equal(
            ListedUnitCodes.Of("Quảng Bình", UnitLevel.Department, null, "Sở Nội vụ"), ListedUnitCodes.Of(former));
    }

    [Theory]
    [InlineData("Sở Kế hoạch và Đầu tư - đã hợp nhất vào Sở Tài chính", "Sở Kế hoạch và Đầu tư")]
    [InlineData("UBND xã Hải Hưng – sáp nhập từ xã Hải Xuân, xã Hải Vĩnh", "UBND xã Hải Hưng")]
    [InlineData("Sở Ngoại vụ —Nhập vào Văn phòng UBND tỉnh", "Sở Ngoại vụ")]
    [InlineData("Chi cục Chăn nuôi - Thú y", "Chi cục Chăn nuôi - Thú y")]
    [InlineData("Sở Văn hóa - Thể thao và Du lịch", "Sở Văn hóa - Thể thao và Du lịch")]
    public void A_restructuring_note_after_a_dash_is_no_part_of_the_name(string written, string name)
    {
        Assert.Equal(name, UnitNameSpelling.WithoutRestructuringNote(written));
        Assert.True(UnitNameSpelling.Same(written, name));
    }
}
