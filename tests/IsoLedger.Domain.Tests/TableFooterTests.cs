using IsoLedger.Domain.Imports;

namespace IsoLedger.Domain.Tests;

/// <summary>The block a report's appendix ends with under its table, and the units' names it is not.</summary>
public class TableFooterTests
{
    [Theory]
    [InlineData("Nơi nhận:")]
    [InlineData("NƠI NHẬN")]
    [InlineData("- Lưu: VT, KGVX.")]
    [InlineData("Lưu VT.")]
    [InlineData("Người lập biểu")]
    [InlineData("NGƯỜI LẬP BẢNG")]
    [InlineData("Người lập biểu: Nguyễn Văn An")]
    [InlineData("Người tổng hợp")]
    [InlineData("KT. CHỦ TỊCH")]
    [InlineData("KT.GIÁM ĐỐC")]
    [InlineData("TM. ỦY BAN NHÂN DÂN")]
    [InlineData("TM. UBND TỈNH")]
    [InlineData("TL. CHỦ TỊCH")]
    [InlineData("PHÓ CHỦ TỊCH")]
    [InlineData("Giám đốc")]
    [InlineData("THỦ TRƯỞNG ĐƠN VỊ")]
    [InlineData("(Ký, ghi rõ họ tên)")]
    [InlineData("(Đã ký)")]
    [InlineData("Đồng Tháp, ngày 15 tháng 11 năm 2021")]
    [InlineData("Quảng Trị, ngày ... tháng ... năm 2020")]
    [InlineData("ngày 15 tháng 11 năm 2021")]
    [InlineData("XÁC NHẬN CỦA LÃNH ĐẠO")]
    [InlineData("Nơi gửi:")]
    [InlineData("Hà Tĩnh, ngày      tháng      năm 2021")]
    [InlineData("Ghi chú: đơn vị in nghiêng chưa báo cáo")]
    [InlineData("* Ghi chú:")]
    public void A_line_of_the_block_under_the_table_begins_it(string text) => Assert.True(TableFooter.Begins(text));

    [Theory]
    [InlineData("UBND xã Gia Hanh")]
    [InlineData("Sở Nội vụ")]
    [InlineData("Ban Quản lý Khu kinh tế tỉnh")]
    [InlineData("Văn phòng UBND tỉnh")]
    [InlineData("UBND thị xã Kỳ Anh")]
    [InlineData("UBND phường Lưu Kiếm")]
    [InlineData("Chi cục Kiểm lâm")]
    [InlineData("Q. Bình Thạnh")]
    [InlineData("Nguyễn Văn An")]
    [InlineData("Số 85/QĐ-UBND ngày 15 tháng 8 năm 2018")]
    [InlineData("Tổng cộng")]
    [InlineData("")]
    public void A_unit_s_name_or_another_row_s_cell_does_not(string text) => Assert.False(TableFooter.Begins(text));
}
