using IsoLedger.Api.Dashboards;
using IsoLedger.Api.Imports;
using IsoLedger.Projections.Dashboards;

namespace IsoLedger.Api.Reports;

/// <summary>The annual table as CSV: in the layout of the provincial report's appendices, or in the import format.</summary>
public static class AnnualReportCsv
{
    private sealed record Language(
        string[] Header, Func<UnitLevel, string> Level, Func<InspectionResult?, string> Inspection, Func<AnnualRow, string> Standard,
        string Total, string UnitsWord);

    private static readonly Language Vietnamese = new(
        ["TT", "Đơn vị", "Công bố HT ISO", "CSCL", "MTCL", "KH duy trì áp dụng", "Đánh giá nội bộ", "HĐKP", "Xem xét LĐ", "Báo cáo", "Xác nhận", "Áp dụng"],
        level => level switch
        {
            UnitLevel.Department => "Sở, ban, ngành cấp tỉnh",
            UnitLevel.SubDepartment => "Chi cục thuộc Sở",
            UnitLevel.District => "UBND huyện, thị xã, thành phố",
            _ => "UBND xã, phường, thị trấn",
        },
        result => result switch
        {
            InspectionResult.Passed => "Đạt",
            InspectionResult.Failed => "Không đạt",
            InspectionResult.Maintained => "Duy trì",
            InspectionResult.NoReport => "Ko có Bc",
            _ => "",
        },
        row => (row.Standard, row.Conversion) switch
        {
            ("2015", ConversionState.Done) => "Đã ch/đổi 9001:2015",
            ("2008", ConversionState.InProgress) => "Đang ch/đổi",
            ("none", _) => "",
            var (standard, _) => standard,
        },
        "Tổng", "đơn vị");

    /// <summary>English names, which are also the import format's values.</summary>
    private static readonly Language English = new(
        ["No.", "Unit", "Declared", "Quality policy", "Quality objectives", "Maintenance plan", "Internal audit", "Corrective actions",
         "Management review", "Report", "Inspection", "Standard"],
        level => level switch
        {
            UnitLevel.Department => "Departments",
            UnitLevel.SubDepartment => "Sub-departments",
            UnitLevel.District => "Districts",
            _ => "Communes",
        },
        result => result switch
        {
            InspectionResult.Passed => "passed",
            InspectionResult.Failed => "failed",
            InspectionResult.Maintained => "maintained",
            InspectionResult.NoReport => "no-report",
            _ => "",
        },
        row => (row.Standard, row.Conversion) switch
        {
            ("2015", ConversionState.Done) => "converted",
            ("2008", ConversionState.InProgress) => "converting",
            ("none", _) => "",
            var (standard, _) => standard,
        },
        "Total", "units");

    /// <summary>Units grouped by level and, within a level, by district, each group followed by its totals.</summary>
    public static byte[] Report(AnnualTable table, bool english)
    {
        var language = english ? English : Vietnamese;
        var csv = new CsvWriter().Row(language.Header);
        var number = 0;
        foreach (var level in table.Rows.GroupBy(r => r.Level))
        {
            csv.Row("", language.Level(level.Key));
            foreach (var district in level.GroupBy(r => r.District))
            {
                if (district.Key is not null && level.Key == UnitLevel.Commune) csv.Row("", district.Key);
                foreach (var row in district)
                {
                    csv.Row(++number, row.Name, Mark(row.Declared), Mark(row.QualityPolicy), Mark(row.QualityObjectives), Mark(row.MaintenancePlan),
                        Mark(row.InternalAudit), Mark(row.CorrectiveActions), Mark(row.ManagementReview), Mark(row.ReportSubmitted),
                        language.Inspection(row.Inspection), language.Standard(row));
                }
                if (district.Key is not null && level.Key == UnitLevel.Commune) Totals(csv, language, district.Key, district.ToList());
            }
            Totals(csv, language, language.Level(level.Key), level.ToList());
        }
        Totals(csv, language, table.Province, table.Rows);
        return csv.ToBytes();
    }

    private static void Totals(CsvWriter csv, Language language, string group, IReadOnlyCollection<AnnualRow> rows)
    {
        var totals = AnnualTotals.Of(group, rows);
        var inspections = rows.Where(r => r.Inspection is not null).GroupBy(r => r.Inspection).OrderBy(g => g.Key)
            .Select(g => $"{language.Inspection(g.Key)}: {g.Count()}");
        var standards = rows.Where(r => r.Standard != "none").GroupBy(r => language.Standard(r)).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => $"{g.Key}: {g.Count()}");
        csv.Row("", $"{language.Total}: {group} ({totals.Units} {language.UnitsWord})", totals.Declared, totals.QualityPolicy, totals.QualityObjectives,
            totals.MaintenancePlan, totals.InternalAudit, totals.CorrectiveActions, totals.ManagementReview,
            $"{totals.ReportSubmitted} ({totals.ReportedPercent:0.00}%)", string.Join("; ", inspections), string.Join("; ", standards));
    }

    /// <summary>The year in the import format, dated the day the table is judged on: importing it into an empty
    /// store gives the same table.</summary>
    public static byte[] Import(AnnualTable table, IReadOnlyDictionary<string, Unit> units)
    {
        var csv = new CsvWriter().Row(ReportRowParser.Columns);
        foreach (var row in table.Rows)
        {
            var unit = units[row.Code];
            csv.Row(table.Province, row.Code, row.Name, AnnualTable.LevelName(row.Level), row.District, unit.ParentCode, table.Year,
                table.JudgedOn.ToString("yyyy-MM-dd"), Mark(row.Declared), row.Standard == "none" ? "" : row.Standard,
                row.Conversion switch { ConversionState.InProgress => "in-progress", ConversionState.Done => "done", _ => "none" },
                Mark(row.QualityPolicy), Mark(row.QualityObjectives), Mark(row.MaintenancePlan), Mark(row.InternalAudit),
                Mark(row.CorrectiveActions), Mark(row.ManagementReview), Mark(row.ReportSubmitted), English.Inspection(row.Inspection));
        }
        return csv.ToBytes();
    }

    private static string Mark(bool done) => done ? "x" : "";
}
