using System.Text;
using System.Text.Json.Nodes;
using Alba;

namespace IsoLedger.Api.Tests;

/// <summary>Appendix tables as other provinces' offices write them, which had been imported as wrong data with a 200:
/// the block under the table (where it is sent, who signs) registered as units; a district listed without marks under
/// the districts' tier read as a heading, the next district then registered as its commune; a unit written without
/// "UBND", or by its proper name alone under its district's heading, registered a second time; a name wrapped in its
/// cell kept its line break.</summary>
public class OfficeAppendixTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private IAlbaHost Host => api.Host;

    private const string Header = "TT;Tên cơ quan, đơn vị;Công bố HT ISO;CSCL, MTCL;KH duy trì áp dụng;"
        + "Đánh giá nội bộ;HĐKP;Xem xét LĐ;Báo cáo;Xác nhận;Áp dụng";

    private const string Done = ";x;x;x;x;x;x;x;Đạt;2015";

    private static string Q(string value) => Uri.EscapeDataString(value);

    private static string Import(string province, int year) =>
        $"/api/imports?province={Q(province)}&year={year}&reportDate={year}-11-15";

    private static byte[] Csv(params string[] lines) =>
        Encoding.UTF8.GetBytes(string.Join("\n", lines.Prepend(Header)) + "\n");

    private async Task<JsonArray> Units(string province) =>
        (await Host.Get($"/api/units?province={Q(province)}&pageSize=100", Keys.Viewer).Expect(200)).Json["items"]!
        .AsArray();

    private async Task<Dictionary<string, JsonNode>> Rows(string province, int year) =>
        (await Host.Get($"/api/dashboards/annual/{year}?province={Q(province)}&consistent=true").Expect(200))
        .Json["data"]!["rows"]!.AsArray().ToDictionary(r => (string)r!["name"]!, r => r!);

    [Fact]
    public async Task The_block_under_the_table_is_no_unit()
    {
        var table = Csv(
            "I;Các Sở, ban, ngành", "1;Sở Nội vụ" + Done,
            "II;UBND cấp xã", ";Huyện Lai Vung", "2;UBND xã Tân Thành" + Done,
            ";;;;;;;;;;", ";Nơi nhận:;;;;;;;KT. CHỦ TỊCH;;", ";- Như trên;;;;;;;PHÓ CHỦ TỊCH;;", ";- Lưu: VT.;;;;;;;;;",
            ";Người lập biểu;;;;;;;;;", ";Nguyễn Văn An;;;;;;;Trần Văn Bình;;");

        var imported = await Host.PostBytes(Import("Đồng Tháp", 2021), table).Expect(200);

        Assert.Equal((2, 2), ((int)imported.Json["rows"]!, (int)imported.Json["unitsCreated"]!));
        Assert.Equal(["Sở Nội vụ", "UBND xã Tân Thành"],
            (await Units("Đồng Tháp")).Select(u => (string)u!["name"]!).Order(StringComparer.Ordinal));
    }

    /// <summary>Other offices' first lines of the block (where the copies go, a day left blank to be written by
    /// hand, the notes); and a line holding a name alone that no rule knows (the body that signs, a signer) is
    /// refused, not registered.</summary>
    [Fact]
    public async Task Other_wordings_of_the_block_end_the_table_and_a_name_alone_is_refused()
    {
        foreach (var first in new[] { "Nơi gửi:", "Hà Giang, ngày      tháng      năm 2021", "* Ghi chú:" })
        {
            await Host.PostBytes(Import("Hà Giang", 2021), Csv(
                "I;UBND cấp xã", ";Huyện Vị Xuyên", "1;UBND xã Đạo Đức" + Done, $";{first};;;;;;;;;",
                ";- Như trên;;;;;;;;;", ";Nguyễn Văn An;;;;;;;;;")).Expect(200);
        }
        Assert.Equal(["UBND xã Đạo Đức"], (await Units("Hà Giang")).Select(u => (string)u!["name"]!));

        var refused = await Host.PostBytes(Import("Hà Giang", 2021), Csv(
            "I;UBND cấp xã", ";Huyện Vị Xuyên", "1;UBND xã Đạo Đức" + Done, ";UỶ BAN NHÂN DÂN HUYỆN VỊ XUYÊN;;;;;;;;;",
            ";Nguyễn Văn An;;;;;;;;;")).Expect(422);
        Assert.Equal([5, 6], refused.Json["errors"]!.AsArray().Select(e => (int)e!["line"]!));
    }

    /// <summary>A ward numbered "01" one year and "1" the next is one ward; a proper name alone that a huyện and a
    /// thị xã bear, or that names no unit of its district, is refused, not registered anew.</summary>
    [Fact]
    public async Task A_number_s_zeros_and_a_proper_name_alone_find_the_recorded_unit_or_are_refused()
    {
        await Host.PostBytes(Import("Hà Tĩnh", 2021), Csv(
            "I;UBND cấp huyện", "1;UBND huyện Kỳ Anh" + Done, "2;UBND thị xã Kỳ Anh" + Done,
            "II;UBND cấp xã", ";Thành phố Hà Tĩnh", "3;UBND Phường 01" + Done, ";Huyện Can Lộc",
            "4;UBND xã Gia Hanh" + Done)).Expect(200);

        var next = await Host.PostBytes(Import("Hà Tĩnh", 2022), Csv(
            "II;UBND cấp xã", ";Thành phố Hà Tĩnh", "1;Phường 1" + Done)).Expect(200);
        Assert.Equal(0, (int)next.Json["unitsCreated"]!);
        var ambiguous = await Host.PostBytes(Import("Hà Tĩnh", 2022), Csv(
            "I;Huyện, thị xã, thành phố", "1;Kỳ Anh" + Done)).Expect(422);
        Assert.Contains("Thị xã Kỳ Anh", (string?)ambiguous.Json["errors"]![0]!["reason"]);
        var elsewhere = await Host.PostBytes(Import("Hà Tĩnh", 2022), Csv(
            "I;UBND cấp xã", ";Thành phố Hà Tĩnh", "1;Gia Hanh" + Done)).Expect(422);
        Assert.Equal("unit_name", (string?)elsewhere.Json["errors"]![0]!["column"]);
        Assert.Equal(4, (await Units("Hà Tĩnh")).Count);
    }

    /// <summary>A tier's or a district's heading typed in the row number column, merged across the row, as the
    /// totals are: it had been refused as a row without a name.</summary>
    [Fact]
    public async Task A_heading_in_the_row_number_column_heads_the_rows_under_it()
    {
        await Host.PostBytes(Import("Thanh Hóa", 2021), Csv(
            "I. CÁC SỞ, BAN, NGÀNH;;;;;;;;;;", "1;Sở Nội vụ" + Done, "Cộng I;;1;1;1;1;1;1;1;1/1;",
            "II. UBND CẤP XÃ;;;;;;;;;;", "Huyện Nga Sơn;;;;;;;;;;", "2;UBND xã Nga Liên" + Done)).Expect(200);

        var units = (await Units("Thanh Hóa")).ToDictionary(u => (string)u!["name"]!, u => u!);
        Assert.Equal(("department", "commune"),
            ((string)units["Sở Nội vụ"]["level"]!, (string)units["UBND xã Nga Liên"]["level"]!));
        Assert.Equal("Huyện Nga Sơn", (string?)(await Rows("Thanh Hóa", 2021))["UBND xã Nga Liên"]["district"]);
    }

    [Fact]
    public async Task A_district_listed_without_marks_under_the_districts_tier_is_that_district_s_row()
    {
        await Host.PostBytes(Import("Hòa Bình", 2021), Csv(
            "I;UBND cấp huyện", "1;UBND huyện Vụ Bản" + Done, "2;Huyện Ý Yên;;;;;;;;;",
            "3;UBND huyện Nghĩa Hưng" + Done, "II;UBND cấp xã", ";Huyện Vụ Bản", "4;UBND xã Liên Minh" + Done))
            .Expect(200);

        var units = (await Units("Hòa Bình")).ToDictionary(u => (string)u!["name"]!, u => u!);
        Assert.Equal(["Huyện Ý Yên", "UBND huyện Nghĩa Hưng", "UBND huyện Vụ Bản", "UBND xã Liên Minh"],
            units.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["district", "district", "district", "commune"],
            new[] { "Huyện Ý Yên", "UBND huyện Nghĩa Hưng", "UBND huyện Vụ Bản", "UBND xã Liên Minh" }
                .Select(name => (string)units[name]["level"]!));
        var rows = await Rows("Hòa Bình", 2021);
        Assert.False((bool)rows["Huyện Ý Yên"]["declared"]!);
        Assert.True((bool)rows["UBND huyện Nghĩa Hưng"]["reportSubmitted"]!);
    }

    /// <summary>A district's committee listed first among its communes, under its district's heading, is the
    /// district's, not a commune.</summary>
    [Fact]
    public async Task A_district_s_committee_among_its_communes_is_at_the_district_s_level()
    {
        await Host.PostBytes(Import("Ninh Bình", 2021), Csv(
            "I;UBND cấp xã", ";Huyện Kim Sơn", "1;UBND huyện Kim Sơn" + Done, "2;UBND xã Kim Tân" + Done)).Expect(200);

        var units = (await Units("Ninh Bình")).ToDictionary(u => (string)u!["name"]!, u => (string)u!["level"]!);
        Assert.Equal(("district", "commune"), (units["UBND huyện Kim Sơn"], units["UBND xã Kim Tân"]));
    }

    [Fact]
    public async Task A_unit_written_without_its_committee_or_by_its_proper_name_alone_is_the_recorded_one()
    {
        await Host.PostBytes(Import("Nam Định", 2021), Csv(
            "I;UBND cấp huyện", "1;UBND huyện Hải Hậu" + Done, "2;UBND thành phố Nam Định" + Done,
            "II;UBND cấp xã", ";Huyện Hải Hậu", "3;UBND xã Hải Anh" + Done,
            ";Thành phố Nam Định", "4;UBND phường Trần Hưng Đạo" + Done)).Expect(200);

        var abbreviated = await Host.PostBytes(Import("Nam Định", 2022), Csv(
            "I;UBND CẤP HUYỆN", "1;UBND HUYỆN HẢI HẬU" + Done, "2;UBND TP Nam Định" + Done,
            "II;UBND CẤP XÃ", ";HUYỆN HẢI HẬU", "3;Xã Hải Anh" + Done,
            ";TP. Nam Định", "4;Phường Trần Hưng Đạo" + Done)).Expect(200);
        var bare = await Host.PostBytes(Import("Nam Định", 2023), Csv(
            "I;Huyện, thị xã, thành phố", "1;Huyện Hải Hậu" + Done, "2;Thành phố Nam Định" + Done,
            "II;Xã, phường, thị trấn", ";Huyện Hải Hậu", "3;Hải Anh" + Done,
            ";Thành phố Nam Định", "4;Trần Hưng Đạo" + Done)).Expect(200);

        Assert.Equal((0, 0), ((int)abbreviated.Json["unitsCreated"]!, (int)bare.Json["unitsCreated"]!));
        Assert.Equal(4, (await Units("Nam Định")).Count);
        foreach (var year in new[] { 2022, 2023 })
            Assert.All((await Rows("Nam Định", year)).Values, row => Assert.True((bool)row["reportSubmitted"]!));
    }

    /// <summary>A proper name alone that a xã and a phường of its district bear names neither: the row must say
    /// which.</summary>
    [Fact]
    public async Task A_proper_name_alone_that_two_kinds_of_commune_bear_is_refused_at_the_name()
    {
        await Host.PostBytes(Import("Thái Bình", 2021), Csv(
            "I;UBND cấp xã", ";Thành phố Thái Bình", "1;UBND xã Đông Hòa" + Done, "2;UBND phường Đông Hòa" + Done))
            .Expect(200);

        var refused = await Host.PostBytes(Import("Thái Bình", 2022), Csv(
            "I;UBND cấp xã", ";Thành phố Thái Bình", "1;Đông Hòa" + Done)).Expect(422);

        var error = refused.Json["errors"]![0]!;
        Assert.Equal("unit_name", (string?)error["column"]);
        Assert.Contains("Phường Đông Hòa", (string?)error["reason"]);
        Assert.Equal(2, (await Units("Thái Bình")).Count);
    }

    [Fact]
    public async Task A_name_wrapped_in_its_cell_is_kept_on_one_line()
    {
        await Host.PostBytes(Import("Trà Vinh", 2021), Csv(
            "I;Các Sở, ban, ngành", "1;\"Sở Tài nguyên\nvà\u00A0Môi  trường\"" + Done)).Expect(200);

        Assert.Equal("Sở Tài nguyên và Môi trường", (string?)(await Units("Trà Vinh"))[0]!["name"]);
    }
}
