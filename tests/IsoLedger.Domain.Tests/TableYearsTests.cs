using IsoLedger.Domain.Imports;

namespace IsoLedger.Domain.Tests;

/// <summary>A year as tables write it, and as a spreadsheet formatting it as a number saves it.</summary>
public class TableYearsTests
{
    [Theory]
    [InlineData("2021", 2021)]
    [InlineData("2.021", 2021)]
    [InlineData("2,021", 2021)]
    [InlineData("2\u00a0021", 2021)]
    [InlineData("Năm 2021", 2021)]
    [InlineData("năm 2.021", 2021)]
    public void A_year_as_tables_write_it(string written, int year) => Assert.Equal(year, TableYears.Read(written));

    [Theory]
    [InlineData("")]
    [InlineData("21")]
    [InlineData("2021.0")]
    [InlineData("20.21")]
    [InlineData("2021-2022")]
    [InlineData("11/2021")]
    [InlineData("năm")]
    public void Anything_else_is_no_year(string written) => Assert.Null(TableYears.Read(written));
}
