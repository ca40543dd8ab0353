using IsoLedger.Domain;
using IsoLedger.Domain.Units;

namespace IsoLedger.Api.Reports;

/// <summary>The summary table in the layout of the report's Phụ lục 9 (for CSV and workbooks): a row per criterion
/// in the report's order with its total and its tiers, the tiers grouped under one header; the declared units as
/// counts, the other rows as count/declared ("26/30"); the edition row names the year's current edition and notes,
/// per tier, the units still on an older one. Labels in Vietnamese, or English.</summary>
public static class SummaryReport
{
    public static ReportTable Table(SummaryTable table, bool english)
    {
        Func<Term, string> label = term => term.In(english);
        var terms = Vocabulary.SummaryRows;
        // The rows come in the vocabulary's order: declared, complied, on the current edition, on an older one.
        var (declared, complied, current, older) = (table.Rows[0], table.Rows[1], table.Rows[2], table.Rows[3]);
        var tierLabels = Vocabulary.SummaryColumns.Where(IsTier).Select(label);
        var olderByTier = tierLabels.Zip(Tiers(older), (tier, cell) => $"{tier} {cell.Count}");
        var tiers = label(Vocabulary.SummaryTiers);
        var columns = Vocabulary.SummaryColumns.Select(c => new ReportColumn(label(c), IsTier(c) ? tiers : null));
        return new([.. columns], [new(label(Vocabulary.SummaryTitle), [
            [1, label(terms[0]), .. Cells(declared).Select(c => c.Count), ""],
            [2, label(terms[1]), .. Cells(complied).Select(Fraction), ""],
            [3, $"{label(terms[2])} {label(table.ImplementedEditionName)}.",
                .. Cells(current).Select(Fraction), $"{label(terms[3])}: {string.Join(", ", olderByTier)}"],
        ])]);
    }

    private static bool IsTier(Term column) => column.Value is "provincial" or "district" or "commune";

    private static IEnumerable<SummaryCell> Tiers(SummaryRow row) => [row.Provincial, row.District, row.Commune];

    private static IEnumerable<SummaryCell> Cells(SummaryRow row) => Tiers(row).Prepend(row.Total);

    private static object Fraction(SummaryCell cell) => $"{cell.Count}/{cell.Of}";
}
