using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using IsoLedger.Api.Imports;
using IsoLedger.Api.Reports;

namespace IsoLedger.Api.Tests;

/// <summary>Property-based: the rule that keeps spreadsheets from running exported text as a formula never lets a
/// cell start with a formula character, and is undone exactly, so an import of our own export keeps the text.</summary>
public class SpreadsheetTextTests
{
    /// <summary>What a spreadsheet may read as the start of a formula (OWASP's list, the line feed and the fullwidth
    /// forms), written out here rather than taken from the code under test.</summary>
    private static readonly char[] Triggers = ['=', '+', '-', '@', '\t', '\r', '\n', '＝', '＋', '－', '＠'];

    /// <summary>Any string, and many made of triggers, apostrophes and the characters CSV quotes, since the rule
    /// only matters at the start of a cell and arbitrary strings rarely start there.</summary>
    private static readonly Arbitrary<string> Texts = Gen.OneOf(
        ArbMap.Default.GeneratorFor<string>().Where(s => s is not null),
        TextOf([.. Triggers, '\'', '"', ',', ' ', 'a', 'ạ'])).ToArbitrary();

    private static bool StartsWithTrigger(string cell) => cell.Length > 0 && Triggers.Contains(cell[0]);

    private static Gen<string> TextOf(char[] characters) =>
        Gen.ArrayOf(Gen.Elements(characters)).Select(c => new string(c));

    [Property]
    public Property Restore_undoes_Neutralise() =>
        Prop.ForAll(Texts, s => SpreadsheetText.Restore(SpreadsheetText.Neutralise(s)) == s);

    [Property]
    public Property A_neutralised_cell_never_starts_with_a_trigger() =>
        Prop.ForAll(Texts, s => !StartsWithTrigger(SpreadsheetText.Neutralise(s)));

    [Property]
    public Property Neutralise_at_most_puts_an_apostrophe_in_front() =>
        Prop.ForAll(Texts, s => SpreadsheetText.Neutralise(s) is var cell && (cell == s || cell == "'" + s));

    /// <summary>Through the CSV writer and reader as an export and an import use them (the reader gives form C, so
    /// the text is drawn from characters that are already in it).</summary>
    [Property]
    public Property A_text_cell_written_as_csv_reads_back_as_the_text()
    {
        var row = Gen.ArrayOf(TextOf([.. Triggers, '\'', '"', ',', ' ', 'a', 'ạ', 'Đ']));
        return Prop.ForAll(row.Where(r => r.Length > 0).ToArbitrary(), texts =>
        {
            var bytes = new CsvWriter().Row(texts).ToBytes();
            var fields = CsvReader.Open(new MemoryStream(bytes)).Read()!.Fields;
            return !fields.Any(StartsWithTrigger) && fields.Select(SpreadsheetText.Restore).SequenceEqual(texts);
        });
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("\tX", "'\tX")]
    [InlineData("'=1", "''=1")]
    [InlineData("''", "'''")]
    [InlineData("'quoted", "'quoted")]
    [InlineData("UBND Xã Gia Cát", "UBND Xã Gia Cát")]
    [InlineData("", "")]
    public void Examples(string text, string cell)
    {
        Assert.Equal(cell, SpreadsheetText.Neutralise(text));
        Assert.Equal(text, SpreadsheetText.Restore(cell));
    }

    [Fact]
    public void Numbers_the_writer_is_given_are_not_text()
    {
        var line = Encoding.UTF8.GetString(new CsvWriter().Row(-1, -2.5m, "-1").ToBytes()).TrimStart('\uFEFF');
        Assert.Equal("-1,-2.5,'-1\r\n", line);
    }
}
