using IsoLedger.Domain.Imports;

namespace IsoLedger.Domain.Tests;

/// <summary>The totals rows a table keeps from its report's appendix: a label and counts, no unit.</summary>
public class TableTotalsTests
{
    [Theory]
    [InlineData("Tổng cộng")]
    [InlineData("TỔNG CỘNG:")]
    [InlineData("Tổng số")]
    [InlineData("Cộng")]
    [InlineData("Cộng: 01 đơn vị")]
    [InlineData("Tổng (29 đơn vị)")]
    [InlineData("Cộng huyện Cam Lộ")]
    [InlineData("Tổng cộng toàn tỉnh")]
    [InlineData("Tổng số đơn vị")]
    [InlineData("Toàn tỉnh")]
    [InlineData("Cả tỉnh:")]
    [InlineData("Toàn huyện Cam Lộ")]
    [InlineData("Tính chung")]
    [InlineData("Σ")]
    [InlineData("∑")]
    [InlineData("Cộng I")]
    [InlineData("Cộng II.")]
    [InlineData("Cộng Sở ban ngành")]
    [InlineData("Tỷ lệ")]
    [InlineData("Tỷ lệ (%)")]
    public void A_totals_label_is_one(string text) => Assert.True(TableTotals.IsLabel(text));

    [Theory]
    [InlineData("Tổng cục Hải quan")]
    [InlineData("Tổng hợp")]
    [InlineData("Cộng đồng")]
    [InlineData("Toàn")]
    [InlineData("UBND xã Cộng Hòa")]
    [InlineData("")]
    public void A_unit_s_name_or_other_text_is_no_totals_label(string text) =>
        Assert.False(TableTotals.IsLabel(text));

    [Theory]
    [InlineData("29")]
    [InlineData("01")]
    [InlineData("44/109")]
    [InlineData("44 / 109")]
    [InlineData("40,37%")]
    [InlineData("40.37 %")]
    [InlineData("100%")]
    [InlineData("2/2 (100%)")]
    [InlineData("2 (100%)")]
    [InlineData("0 (0,00 %)")]
    [InlineData("2 đơn vị")]
    [InlineData("-")]
    [InlineData("Đạt: 2")]
    [InlineData("Đạt: 2; Không đạt: 1")]
    [InlineData("2015: 3; Đã ch/đổi 9001:2015: 2")]
    public void A_count_is_one(string text) => Assert.True(TableTotals.IsCount(text));

    [Theory]
    [InlineData("x")]
    [InlineData("Đạt")]
    [InlineData("2015-12-31")]
    [InlineData("31/12/2019")]
    [InlineData("")]
    public void A_mark_a_date_or_a_word_is_no_count(string text) => Assert.False(TableTotals.IsCount(text));
}
