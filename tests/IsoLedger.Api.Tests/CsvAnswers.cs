using IsoLedger.Api.Imports;

namespace IsoLedger.Api.Tests;

/// <summary>The cells of a CSV answer, its byte order mark dropped, read as the imports read CSV.</summary>
public static class CsvAnswers
{
    public static List<IReadOnlyList<string>> Cells(string csv)
    {
        var reader = new CsvReader(new StringReader(csv.TrimStart('\uFEFF')));
        var cells = new List<IReadOnlyList<string>>();
        while (reader.Read() is { } record) cells.Add(record.Fields);
        return cells;
    }
}
