using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using IsoLedger.Api.Imports;
using IsoLedger.Api.Reports;
using Microsoft.Extensions.Configuration;

namespace IsoLedger.Api.Tests;

/// <summary>A workbook read as a table file gives the records CSV gives of the sheet Excel saves as CSV: its cells as
/// the sheet shows them in text, its rows by their numbers; a hostile or foreign file is refused saying what it is,
/// within bounded memory.</summary>
public class WorkbookReaderTests
{
    private static readonly string[] Required = ["code", "name"];
    private static readonly TempFolder SystemTemp = TempFolder.From(new ConfigurationBuilder().Build());

    private static (List<CsvRecord> Records, string? Sheet) Read(byte[] file)
    {
        var errors = new List<ImportError>();
        var table = TableFile.Open(new MemoryStream(file), Required, errors, SystemTemp);
        Assert.True(table is not null, string.Join("\n", errors));
        var records = new List<CsvRecord>();
        while (table.Read() is { } record) records.Add(record);
        return (records, table.Sheet);
    }

    /// <summary>The problem the file's reading stops at (its line and sentence).</summary>
    private static TableFormatException Refused(byte[] file) =>
        Assert.Throws<TableFormatException>(() => Read(file));

    private static List<string> Row(byte[] file, int row) =>
        [.. Read(file).Records.Single(r => r.Line == row).Fields];

    [Fact]
    public void Cells_read_as_the_sheet_shows_them_in_text()
    {
        var file = TestWorkbooks.Build(new TestSheet("Bảng", [
            ["code", "name", "year", "share", "day", "at", "custom", "formula", "text formula", "flag", "inline"],
            [
                "A-1", new Runs("UBND ", "xã ", "Gia Cát"), 2015, 2.5, new DateOnly(2021, 11, 19),
                new DateTime(2021, 11, 19, 9, 15, 0), new Formatted(44519, "dd/mm/yyyy;@"),
                new Formula("2014+1", 2015), new Formula("\"x\"", "x"), true, new Inline("ngày 19/11/2021"),
            ],
        ]));

        Assert.Equal(
            ["A-1", "UBND xã Gia Cát", "2015", "2.5", "2021-11-19", "2021-11-19", "2021-11-19", "2015", "x", "TRUE",
                "ngày 19/11/2021"],
            Row(file, 2));
    }

    /// <summary>A cell's text is its own: an apostrophe it starts with is not CSV's mark of a neutralised formula,
    /// which the import drops (a workbook keeps such text in a quotePrefix style instead).</summary>
    [Theory]
    [InlineData("'=1+1")]
    [InlineData("''x")]
    [InlineData("'plain")]
    [InlineData("=HYPERLINK(\"http://x\")")]
    public void A_text_reads_through_the_import_as_the_cell_holds_it(string text)
    {
        var file = TestWorkbooks.Build(
            new TestSheet("S", [["code", "name"], ["A-1", text], ["A-2", new Inline(text)]]));

        Assert.All(Read(file).Records.Skip(1), r => Assert.Equal(text, SpreadsheetText.Restore(r.Fields[1])));
    }

    [Fact]
    public void A_workbook_counting_from_1904_gives_the_same_days()
    {
        var file = TestWorkbooks.Build(date1904: true,
            new TestSheet("Sheet1", [["code", "name", "day"], ["A-1", "x", new DateOnly(2020, 11, 19)]]));

        Assert.Equal("2020-11-19", Row(file, 2)[2]);
    }

    /// <summary>A number in a format showing time only is no day, and a format's quoted text, brackets and escapes
    /// are no date tokens. A date format without a day shows the month (or year) alone: so it is read, not as the
    /// first day, which no one wrote.</summary>
    [Theory]
    [InlineData("0.00", "44519")]
    [InlineData("\"day\" 0", "44519")]
    [InlineData("[Red]0", "44519")]
    [InlineData("h:mm", "44519")]
    [InlineData("mm:ss", "44519")]
    [InlineData("[h]:mm", "44519")]
    [InlineData("[mm]", "44519")]
    [InlineData("[$-42A]d mmmm yyyy", "2021-11-19")]
    [InlineData("yyyy-mm-dd", "2021-11-19")]
    [InlineData("mmm-yy", "11/2021")]
    [InlineData("mmmm yyyy", "11/2021")]
    [InlineData("\"tháng \"m\"/\"yyyy", "11/2021")]
    [InlineData("yyyy", "2021")]
    public void A_number_is_a_day_only_in_a_date_format(string code, string text)
    {
        var file = TestWorkbooks.Build(
            new TestSheet("S", [["code", "name", "n"], ["A-1", "x", new Formatted(44519, code)]]));

        Assert.Equal(text, Row(file, 2)[2]);
    }

    [Theory]
    [InlineData(1, false, "1900-01-01")]
    [InlineData(59, false, "1900-02-28")]
    [InlineData(61, false, "1900-03-01")]
    [InlineData(44519.99, false, "2021-11-19")]
    [InlineData(0, true, "1904-01-01")]
    public void Days_count_as_Excel_counts_them(double number, bool date1904, string day) =>
        Assert.Equal(day, WorkbookDates.Day(number, date1904)?.ToString("yyyy-MM-dd"));

    [Theory]
    [InlineData(0, false)]
    [InlineData(60, false)]
    [InlineData(-1, true)]
    [InlineData(3e6, false)]
    public void A_number_that_is_no_day_stays_a_number(double number, bool date1904) =>
        Assert.Null(WorkbookDates.Day(number, date1904));

    /// <summary>A cell of the date type (<c>t="d"</c>, ISO 8601 text, as some programs write a date) reads as the
    /// day it writes, whatever offset it names and whatever the server's time zone; a text there that is no ISO date
    /// (a time alone, a day in another order) is read as the text, as the table's other texts are.</summary>
    [Theory]
    [InlineData("2021-11-19", "2021-11-19")]
    [InlineData("2021-11-19T09:15:00", "2021-11-19")]
    [InlineData("2021-11-19T00:30:00+07:00", "2021-11-19")]
    [InlineData("2021-11-19T23:30:00-05:00", "2021-11-19")]
    [InlineData("01/02/2021", "01/02/2021")]
    [InlineData("09:15:00", "09:15:00")]
    public void A_date_cell_reads_as_the_day_it_writes(string written, string read)
    {
        var file = TestWorkbooks.Raw(TestWorkbooks.SheetXml(TestWorkbooks.InlineRow(1, "code", "name", "day")
            + $"""<row r="2"><c r="A2" t="inlineStr"><is><t>A-1</t></is></c><c r="C2" t="d"><v>{written}</v></c>"""
            + "</row>"));

        Assert.Equal(read, Row(file, 2)[2]);
    }

    /// <summary>Rows by their numbers in the sheet; empty ones left out as CSV's blank lines; a row as wide as the
    /// header; a range merged down rows gives its value to each of them in its first column (a district merged down
    /// its communes), and no other cell.</summary>
    [Fact]
    public void Rows_keep_their_sheet_numbers_and_a_range_merged_down_its_value()
    {
        var file = TestWorkbooks.Build(new TestSheet("Sheet1",
            [
                null,
                ["code", "name", "district", null],
                ["A-1", "x", "Hải Lăng", "ghi chú"],
                [null, null, null],
                null,
                ["A-2", "y"],
                ["A-3", "z", null, "ghi chú"],
            ],
            "C3:D6", "D7:E7"));

        var (records, sheet) = Read(file);

        Assert.Null(sheet);
        Assert.Equal([2, 3, 6, 7], records.Select(r => r.Line));
        Assert.Equal(new[] { "A-2", "y", "Hải Lăng" }, records[2].Fields);
        Assert.Equal(new[] { "A-3", "z", "", "ghi chú" }, records[3].Fields);
    }

    /// <summary>A merged range shows its first cell's value alone; the values under its other cells (LibreOffice
    /// keeps them when asked to, a library may write them) are not read: a name under a code merged across it is
    /// empty, a district merged down is its first cell's on every row of the range, and a row whose only values are
    /// under a range is no row.</summary>
    [Fact]
    public void Values_under_a_merged_range_are_not_read()
    {
        var file = TestWorkbooks.Build(new TestSheet("Sheet1",
            [
                ["code", "name", "district", "note"],
                ["A-1", "unseen name", "Hải Lăng", "unseen note"],
                ["A-2", "y", "Cam Lộ", "unseen note"],
                [null, null, "Cam Lộ"],
            ],
            "A2:B2", "C2:D4"));

        var records = Read(file).Records;

        Assert.Equal([1, 2, 3], records.Select(r => r.Line));
        Assert.Equal(["A-1", "", "Hải Lăng", ""], records[1].Fields);
        Assert.Equal(["A-2", "y", "Hải Lăng", ""], records[2].Fields);
    }

    /// <summary>A code kept as a number in a format that writes leading zeros (the administrative units' codes,
    /// 00408) reads with them, as the sheet shows it, not as 408: another unit's code.</summary>
    [Fact]
    public void A_number_in_a_format_of_leading_zeros_reads_with_them()
    {
        var file = TestWorkbooks.Build(new TestSheet("Sheet1",
            [
                ["code", "name", "other", "year"],
                [new Formatted(408, "00000"), "x", new Formatted(7, "\"QT-\"000"), new Formatted(2021, "0")],
            ]));

        Assert.Equal(["00408", "x", "QT-007", "2021"], Row(file, 2));
    }

    [Fact]
    public void Text_is_in_form_C_and_escaped_characters_written_out()
    {
        var file = TestWorkbooks.Build(new TestSheet("Sheet1",
            [
                ["code", "name"], ["A-1", "Hòa Bình".Normalize(NormalizationForm.FormD)],
                ["A-2", "dòng 1_x000D__x000A_2"],
            ]));

        Assert.Equal("Hòa Bình".Normalize(), Row(file, 2)[1]);
        Assert.Equal("dòng 1\r\n2", Row(file, 3)[1]);
    }

    /// <summary>The first sheet whose first row with a value names the required columns holds the table: a title
    /// sheet before it is passed over, and the table's records name their sheet.</summary>
    [Fact]
    public void The_table_is_the_first_sheet_whose_header_names_the_required_columns()
    {
        var file = TestWorkbooks.Build(
            new TestSheet("Bìa", [["BÁO CÁO KẾT QUẢ ÁP DỤNG ISO"], ["Năm 2020"]]),
            new TestSheet("Trống", []),
            new TestSheet("Phụ lục A", [["Code", " NAME "], ["A-1", "x"]]),
            new TestSheet("Ghi chú", [["Số liệu đến ngày 15/12/2020"], ["code", "name"]]) { Hidden = "hidden" },
            new TestSheet("Danh mục", [["name"], ["x"]]));

        var (records, sheet) = Read(file);

        Assert.Equal("Phụ lục A", sheet);
        Assert.Equal([1, 2], records.Select(r => r.Line));
    }

    [Fact]
    public void A_workbook_without_such_a_sheet_says_what_each_sheet_lacks()
    {
        var file = TestWorkbooks.Build(
            new TestSheet("Bìa", [null, null, ["BÁO CÁO"]]),
            new TestSheet("Trống", []),
            new TestSheet("Số liệu", [["code", "tên"]]));
        var errors = new List<ImportError>();

        Assert.Null(TableFile.Open(new MemoryStream(file), Required, errors, SystemTemp));

        Assert.Equal([(3, "Bìa"), (1, "Trống"), (1, "Số liệu")], errors.Select(e => (e.Line, e.Sheet)));
        Assert.EndsWith("does not name code, name.", errors[0].Reason);
        Assert.Contains("empty", errors[1].Reason);
        Assert.EndsWith("does not name name.", errors[2].Reason);
    }

    /// <summary>Judged as a CSV file's first line is, unless a row below it names the table's columns (a title above
    /// the header, which is named instead).</summary>
    [Fact]
    public void A_workbook_of_one_sheet_gives_its_first_row_as_the_header_whatever_it_names()
    {
        var file = TestWorkbooks.Build(new TestSheet("Sheet1", [["BÁO CÁO"], ["mã", "tên"]]));

        Assert.Equal(["BÁO CÁO"], Read(file).Records[0].Fields);
    }

    [Fact]
    public void A_workbook_without_a_sheet_is_refused() =>
        Assert.Contains("no sheet", Refused(TestWorkbooks.Raw(TestWorkbooks.SheetXml(""), workbook:
            """<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets/></workbook>"""))
            .Message);

    /// <summary>An Excel 97–2003 workbook and a password-protected one are Compound Files, refused as such, whatever
    /// they are sent as; so are an OpenDocument spreadsheet, a binary workbook, and a zip that holds no workbook.
    /// </summary>
    [Fact]
    public void Files_that_are_no_workbook_of_this_format_say_what_they_are()
    {
        byte[] compound = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[504]];
        Assert.Contains("password", Refused(compound).Message);
        Assert.Contains(".xls)", Refused(compound).Message);

        Assert.Contains("OpenDocument", Refused(TestWorkbooks.Zip(
            ("mimetype", "application/vnd.oasis.opendocument.spreadsheet"),
            ("content.xml", "<office:document-content/>"))).Message);
        Assert.Contains("no workbook", Refused(TestWorkbooks.Zip(("notes.txt", "hello"))).Message);
        var binary = TestWorkbooks.Parts(TestWorkbooks.SheetXml(""))["_rels/.rels"]
            .Replace("workbook.xml", "workbook.bin");
        Assert.Contains(".xlsb", Refused(TestWorkbooks.Zip(("_rels/.rels", binary))).Message);
    }

    [Fact]
    public void A_workbook_cut_short_is_refused_as_damaged()
    {
        var file = TestWorkbooks.Build(new TestSheet("Sheet1", [["code", "name"], ["A-1", "x"]]));

        Assert.Contains("cut short", Refused(file[..(file.Length / 2)]).Message);
        Assert.Contains("cut short", Refused([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00]).Message);
    }

    [Theory]
    [InlineData("""<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]><sst>&lol2;</sst>""")]
    [InlineData("""<!DOCTYPE sst [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><sst><si><t>&xxe;</t></si></sst>""")]
    public void A_document_type_declaration_is_refused_and_no_entity_expanded(string sharedStrings)
    {
        var refused = Refused(TestWorkbooks.Raw(TestWorkbooks.SheetXml(TestWorkbooks.InlineRow(1, "code", "name")),
            sharedStrings));

        Assert.Contains("DTD", refused.Message);
        Assert.DoesNotContain("root:", refused.Message);
    }

    /// <summary>A zip bomb: a part that unpacks past the limit is cut off there.</summary>
    [Fact]
    public void A_part_unpacking_past_the_limit_is_refused()
    {
        var refused = Refused(TestWorkbooks.ZipBomb());

        Assert.Contains("zip bomb", refused.Message);
    }

    [Fact]
    public void A_run_without_markup_past_the_limit_is_refused()
    {
        var text = new string('a', Workbook.MaxMarkupRun + 1);

        var refused = Refused(TestWorkbooks.Raw(TestWorkbooks.SheetXml(TestWorkbooks.InlineRow(1, "code", text))));

        Assert.True(refused.Message.Contains("without a tag"), refused.Message);
        Assert.Equal(1, refused.Line);
    }

    [Fact]
    public void A_table_of_shared_texts_past_the_limit_is_refused()
    {
        var strings = "<sst>" + string.Concat(Enumerable.Repeat("<si><t>x</t></si>", Workbook.MaxSharedStrings + 1))
            + "</sst>";

        Assert.Contains("shared texts", Refused(TestWorkbooks.Raw(TestWorkbooks.SheetXml(""), strings)).Message);
    }

    /// <summary>A writer may end even a small archive with zip64 records, the classic record holding the most its
    /// fields can: the count of files is the zip64 record's, and the workbook is read as any other.</summary>
    [Fact]
    public void A_workbook_ending_in_zip64_records_is_read_as_any_other()
    {
        var file = TestWorkbooks.Build(new TestSheet("S", [["code", "name"], ["A-1", "UBND xã Gia Cát"]]));

        Assert.Equal(Read(file).Records.Select(r => r.Fields), Read(AsZip64(file)).Records.Select(r => r.Fields));
    }

    /// <summary><paramref name="zip"/> (without a comment) with a zip64 end of central directory record and its
    /// locator before the classic record, whose counts, size and offset say "see zip64".</summary>
    private static byte[] AsZip64(byte[] zip)
    {
        var end = zip.AsSpan(zip.Length - 22);
        var (count, size, offset) = (BinaryPrimitives.ReadUInt16LittleEndian(end[10..]),
            BinaryPrimitives.ReadUInt32LittleEndian(end[12..]), BinaryPrimitives.ReadUInt32LittleEndian(end[16..]));
        var record = new byte[56];
        BinaryPrimitives.WriteUInt32LittleEndian(record, 0x06064b50);
        BinaryPrimitives.WriteInt64LittleEndian(record.AsSpan(4), 44);
        BinaryPrimitives.WriteUInt16LittleEndian(record.AsSpan(12), 45);
        BinaryPrimitives.WriteUInt16LittleEndian(record.AsSpan(14), 45);
        BinaryPrimitives.WriteInt64LittleEndian(record.AsSpan(24), count);
        BinaryPrimitives.WriteInt64LittleEndian(record.AsSpan(32), count);
        BinaryPrimitives.WriteInt64LittleEndian(record.AsSpan(40), size);
        BinaryPrimitives.WriteInt64LittleEndian(record.AsSpan(48), offset);
        var locator = new byte[20];
        BinaryPrimitives.WriteUInt32LittleEndian(locator, 0x07064b50);
        BinaryPrimitives.WriteInt64LittleEndian(locator.AsSpan(8), zip.Length - 22);
        BinaryPrimitives.WriteUInt32LittleEndian(locator.AsSpan(16), 1);
        var classic = end.ToArray();
        BinaryPrimitives.WriteUInt16LittleEndian(classic.AsSpan(8), ushort.MaxValue);
        BinaryPrimitives.WriteUInt16LittleEndian(classic.AsSpan(10), ushort.MaxValue);
        BinaryPrimitives.WriteUInt32LittleEndian(classic.AsSpan(12), uint.MaxValue);
        BinaryPrimitives.WriteUInt32LittleEndian(classic.AsSpan(16), uint.MaxValue);
        return [.. zip.AsSpan(0, zip.Length - 22), .. record, .. locator, .. classic];
    }

    [Fact]
    public void An_archive_listing_more_files_than_a_workbook_is_refused_before_it_is_read()
    {
        var files = Enumerable.Range(0, Workbook.MaxParts + 1).Select(i => ($"f{i}", "")).ToArray();

        Assert.Contains("files", Refused(TestWorkbooks.Zip(files)).Message);
    }

    /// <summary>A sheet of a million empty cells in a style, as a formatted column leaves them, reads as no rows; a
    /// row of 16 384 cells reads as its cells, and a row past the length of a line is refused at its row.</summary>
    [Fact]
    public void Empty_styled_cells_are_no_rows_and_a_row_is_as_long_as_a_line_at_most()
    {
        var empty = new StringBuilder(TestWorkbooks.InlineRow(1, "code", "name"));
        for (var row = 2; row <= 1_000_001; row++) empty.Append($"<row r=\"{row}\"><c r=\"A{row}\" s=\"1\"/></row>");
        Assert.Single(Read(TestWorkbooks.Raw(TestWorkbooks.SheetXml(empty.ToString()))).Records);

        var wide = TestWorkbooks.InlineRow(2, [.. Enumerable.Repeat("x", 16_384)]);
        var records = Read(TestWorkbooks.Raw(TestWorkbooks.SheetXml(TestWorkbooks.InlineRow(1, "code", "name") + wide)))
            .Records;
        Assert.Equal(16_384, records[1].Fields.Count);

        var tooLong = TestWorkbooks.InlineRow(3, [.. Enumerable.Repeat(new string('x', 10_000), 11)]);
        var refused = Refused(TestWorkbooks.Raw(TestWorkbooks.SheetXml(TestWorkbooks.InlineRow(1, "code", "name")
            + tooLong)));
        Assert.Equal(3, refused.Line);
        Assert.Contains("longer than", refused.Message);
    }

    [Fact]
    public void Cells_beyond_the_last_column_or_out_of_order_are_refused_at_their_row()
    {
        var beyond = Refused(TestWorkbooks.Raw(TestWorkbooks.SheetXml(
            """<row r="4"><c r="XFE4" t="inlineStr"><is><t>x</t></is></c></row>""")));
        Assert.Equal(4, beyond.Line);

        var backwards = Refused(TestWorkbooks.Raw(TestWorkbooks.SheetXml(
            TestWorkbooks.InlineRow(5, "code") + TestWorkbooks.InlineRow(2, "x"))));
        Assert.Equal(5, backwards.Line);
    }

    /// <summary>A hidden sheet (an old year's copy, the lists a form looks up) is not the table while a sheet a person
    /// sees is, whichever comes first.</summary>
    [Fact]
    public void A_hidden_sheet_is_not_the_table_while_a_shown_one_is()
    {
        var file = TestWorkbooks.Build(
            new TestSheet("2019 (bản cũ)", [["code", "name"], ["OLD-1", "x"]]) { Hidden = "hidden" },
            new TestSheet("Danh mục", [["code", "name"], ["LIST-1", "y"]]) { Hidden = "veryHidden" },
            new TestSheet("2020", [["code", "name"], ["A-1", "z"]]));

        var (records, sheet) = Read(file);

        Assert.Equal("2020", sheet);
        Assert.Equal("A-1", records[1].Fields[0]);
    }

    [Fact]
    public void A_table_only_on_a_hidden_sheet_is_refused_naming_the_sheet()
    {
        var file = TestWorkbooks.Build(
            new TestSheet("Bìa", [["BÁO CÁO"]]),
            new TestSheet("Số liệu", [null, ["code", "name"], ["A-1", "x"]]) { Hidden = "hidden" });
        var errors = new List<ImportError>();

        Assert.Null(TableFile.Open(new MemoryStream(file), Required, errors, SystemTemp));

        Assert.Equal((2, "Số liệu"), (errors[1].Line, errors[1].Sheet));
        Assert.StartsWith("The sheet is hidden", errors[1].Reason);
    }

    /// <summary>A table under a title (the report's name merged across it, the table from column B as appendices
    /// print it) is named at its header, in a workbook of one sheet as of several: the header is the sheet's first row
    /// with a value. Without the title, the table from column B reads with an empty first column.</summary>
    [Fact]
    public void A_header_below_a_title_is_named_for_the_title_to_be_deleted()
    {
        List<IReadOnlyList<object?>?> titled =
            [[null, "BÁO CÁO KẾT QUẢ ÁP DỤNG ISO NĂM 2020"], null, [null, "code", "name"], [null, "A-1", "x"]];
        foreach (var file in new[]
            {
                TestWorkbooks.Build(new TestSheet("Phụ lục", titled, "B1:D1")),
                TestWorkbooks.Build(new TestSheet("Bìa", [["x"]]), new TestSheet("Phụ lục", titled, "B1:D1")),
            })
        {
            var errors = new List<ImportError>();
            Assert.Null(TableFile.Open(new MemoryStream(file), Required, errors, SystemTemp));
            Assert.Equal(3, errors[^1].Line);
            Assert.Contains("below a title (row 1)", errors[^1].Reason);
        }

        var untitled = Read(TestWorkbooks.Build(new TestSheet("Phụ lục", titled[2..])));
        Assert.Equal(["", "A-1", "x"], untitled.Records[1].Fields);
    }

    /// <summary>A formula a library wrote without calculating it has no value to read, whether it saved none or an
    /// empty one of no type (openpyxl): refused at its cell (its column for the import to name), not read as empty.
    /// An empty text a calculated formula gives (saved typed "str") is an empty cell.</summary>
    [Theory]
    [InlineData("""<c r="C2"><f>2019+1</f></c>""")]
    [InlineData("""<c r="C2"><f>IF(1=1,"x","")</f><v></v></c>""")]
    [InlineData("""<c r="C2" t="n"><f>B2</f><v/></c>""")]
    public void A_formula_never_calculated_is_refused_at_its_cell(string cell)
    {
        var refused = Refused(TestWorkbooks.Raw(TestWorkbooks.SheetXml(
            TestWorkbooks.InlineRow(1, "code", "name", "year")
            + $"""<row r="2"><c r="A2" t="inlineStr"><is><t>A-1</t></is></c>{cell}</row>""")));

        Assert.Equal((2, 2), (refused.Line, refused.ColumnIndex));
        Assert.Contains("Cell C2 holds a formula whose value was never calculated", refused.Message);

        var calculated = Read(TestWorkbooks.Raw(TestWorkbooks.SheetXml(
            TestWorkbooks.InlineRow(1, "code", "name", "year")
            + """<row r="2"><c r="A2" t="inlineStr"><is><t>A-1</t></is></c>"""
            + """<c r="C2" t="str"><f>IF(1=1,"","x")</f><v></v></c></row>""")));
        Assert.Equal(["A-1", "", ""], calculated.Records[1].Fields);
    }

    /// <summary>A sheet's rows spooled in a folder that cannot be written fail as the server's storage, not as a
    /// damaged workbook.</summary>
    [Fact]
    public void A_sheet_that_cannot_be_spooled_fails_as_the_storage_not_as_the_workbook()
    {
        var file = TestWorkbooks.Build(new TestSheet("Sheet1", [["code", "name"], ["A-1", "x"]]));
        var notAFolder = Path.GetTempFileName();
        try
        {
            using var table = TableFile.Open(new MemoryStream(file), Required, [], new TempFolder(notAFolder));
            table!.Read();

            var failure = Assert.Throws<TempStorageException>(() => table.Read());
            Assert.Equal(notAFolder, failure.Folder);
            Assert.IsAssignableFrom<IOException>(failure.InnerException);
        }
        finally
        {
            File.Delete(notAFolder);
        }
    }

    /// <summary>A workbook whose cell C2 holds 44519 (19 November 2021 as a day) in the built-in number format
    /// <paramref name="format"/>, named by its number alone.</summary>
    private static byte[] InBuiltInFormat(int format) => TestWorkbooks.Raw(
        TestWorkbooks.SheetXml(TestWorkbooks.InlineRow(1, "code", "name", "day")
            + """<row r="2"><c r="A2" t="inlineStr"><is><t>A-1</t></is></c><c r="C2" s="1"><v>44519</v></c></row>"""),
        styles: $"""<styleSheet xmlns="{TestWorkbooks.Main}"><cellXfs count="2"><xf numFmtId="0"/>"""
            + $"""<xf numFmtId="{format}" applyNumberFormat="1"/></cellXfs></styleSheet>""");

    /// <summary>Excel shows "6/2021" typed into a cell as mmm-yy, built-in format 17, the month's first day held:
    /// read as the month it shows, which the import refuses for want of a day.</summary>
    [Fact]
    public void The_built_in_month_format_reads_as_its_month() =>
        Assert.Equal("11/2021", Row(InBuiltInFormat(17), 2)[2]);

    public static TheoryData<int> EastAsianDateFormats() => [.. Enumerable.Range(27, 10), .. Enumerable.Range(50, 9)];

    /// <summary>Excel's built-in formats 27–36 and 50–58 show a date or a time in every region that defines them
    /// (Chinese, Japanese, Korean) and the short date elsewhere: a workbook names them by number alone.</summary>
    [Theory]
    [MemberData(nameof(EastAsianDateFormats))]
    public void An_East_Asian_built_in_date_format_reads_as_a_day(int format)
    {
        Assert.Equal("2021-11-19", Row(InBuiltInFormat(format), 2)[2]);
    }

    public static TheoryData<int, string> ThaiFormats()
    {
        var formats = new TheoryData<int, string>();
        foreach (var date in Enumerable.Range(71, 11)) formats.Add(date, "2021-11-19");
        foreach (var number in new[] { 59, 60, 61, 62, 67, 68, 69, 70 }) formats.Add(number, "44519");
        return formats;
    }

    /// <summary>Excel's built-in Thai formats (ECMA-376, th-TH) 71–81 show a date or a time (ว/ด/ปปปป, ช:นน, d/m/bb,
    /// …), so a cell in one reads as its day; 59–62 and 67–70 show a number in Thai digits, read as the number.
    /// </summary>
    [Theory]
    [MemberData(nameof(ThaiFormats))]
    public void A_Thai_built_in_date_format_reads_as_a_day_and_a_number_format_as_the_number(int format, string read)
    {
        Assert.Equal(read, Row(InBuiltInFormat(format), 2)[2]);
    }

    /// <summary>A workbook lists a sheet's merged ranges after its rows; a sheet with one is unpacked once, so one
    /// whose XML is over half the limit (rows of empty cells in a style, as a formatted range leaves them) reads as
    /// any other, its range merged down.</summary>
    [Fact]
    public void A_sheet_with_merged_ranges_is_unpacked_once()
    {
        using var file = new MemoryStream();
        using (var zip = new ZipArchive(file, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, xml) in TestWorkbooks.Parts(""))
            {
                if (name == "xl/worksheets/sheet1.xml") continue;
                using var part = new StreamWriter(zip.CreateEntry(name).Open());
                part.Write(xml);
            }
            using var sheet = new StreamWriter(
                zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.Fastest).Open());
            sheet.Write($"<worksheet xmlns=\"{TestWorkbooks.Main}\"><sheetData>");
            sheet.Write(TestWorkbooks.InlineRow(1, "code", "name", "district")
                + TestWorkbooks.InlineRow(2, "A-1", "x", "Hải Lăng") + TestWorkbooks.InlineRow(3, "A-2", "y"));
            var empties = string.Concat(Enumerable.Repeat("<c s=\"1\"/>", 40));
            for (long row = 4, written = 0; written < Workbook.MaxUnpackedBytes * 6 / 10; row++)
            {
                var xml = $"<row r=\"{row}\">{empties}</row>";
                sheet.Write(xml);
                written += xml.Length;
            }
            sheet.Write("""</sheetData><mergeCells count="1"><mergeCell ref="C2:C3"/></mergeCells></worksheet>""");
        }

        var records = Read(file.ToArray()).Records;

        Assert.Equal(["A-2", "y", "Hải Lăng"], records[^1].Fields);
    }
}
