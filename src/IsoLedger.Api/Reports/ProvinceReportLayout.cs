using System.Globalization;
using IsoLedger.Domain;
using IsoLedger.Domain.Units;

namespace IsoLedger.Api.Reports;

/// <summary>The province's annual report as a file (workbook or CSV): a first sheet with its sentences — each part's
/// opening sentence and its headline figures, written from the vocabulary's sentences as the dashboard writes them —
/// then one sheet per appendix in the appendix layout (<see cref="AnnualReport.Appendix"/>), then the summary table
/// (<see cref="SummaryReport"/>).</summary>
public static class ProvinceReportLayout
{
    public static ReportTable Table(ProvinceReport report, bool english)
    {
        Func<Term, string> label = term => term.In(english);
        var year = report.Year.ToString(CultureInfo.InvariantCulture);
        List<IReadOnlyList<object?>> sentences =
            [[$"{report.Province}, {Day(report.JudgedOn, english)}"]];
        foreach (var part in report.Parts)
        {
            var opening = Vocabulary.ReportSections.Single(s => s.Value == part.Id);
            sentences.Add([Opening(part, label(opening), year, english)]);
            sentences.AddRange(part.Headlines.Select(h => (IReadOnlyList<object?>)[$"• {Sentence(h, english)}"]));
        }
        var content = label(Vocabulary.ReportContent);
        var appendices = report.Parts.Select(part => AnnualReport.Appendix(
            label(Vocabulary.ReportAppendices.Single(a => a.Value == part.Id)), part.Rows, english));
        var summary = SummaryReport.Table(report.Summary, english);
        return new(AnnualReport.Columns(english),
        [
            new(content, sentences, [new(content)]),
            .. appendices,
            .. summary.Sections.Select(s => s with { Columns = summary.Columns }),
        ]);
    }

    /// <summary>A headline's sentence in the language asked: its figure, its share written as the language writes
    /// numbers (40,37 in Vietnamese), and its level's label.</summary>
    public static string Sentence(Headline headline, bool english)
    {
        var template = Vocabulary.ReportHeadlines.Single(h => h.Value == headline.Id);
        var level = headline.Level is { } l ? Vocabulary.Levels[l].In(english) : "";
        return Fill(template.In(english), year: "", headline.Of, english)
            .Replace("{count}", Count(headline.Count, english))
            .Replace("{percent}", Number(headline.Percent, english))
            .Replace("{level}", level);
    }

    /// <summary>A part's opening sentence: the units its figures count, those existing on the day judged, and those
    /// its appendix lists besides, which ended within the year.</summary>
    private static string Opening(ReportPart part, string template, string year, bool english) =>
        Fill(template, year, part.Existing, english) + (part.Rows.Count > part.Existing
            ? Vocabulary.ReportEndedInYear.In(english)
                .Replace("{ended}", Count(part.Rows.Count - part.Existing, english))
            : "");

    private static string Fill(string template, string year, int of, bool english) =>
        template.Replace("{year}", year).Replace("{of}", Count(of, english));

    /// <summary>A count written in a text as the language writes it, as the dashboard does: 1.234 in Vietnamese,
    /// 1,234 in English (a cell that is a count alone stays a number).</summary>
    public static string Count(int value, bool english)
    {
        var text = value.ToString("#,0", CultureInfo.InvariantCulture);
        return english ? text : text.Replace(',', '.');
    }

    /// <summary>A share as the reports' cells write it in the language: 40,37 % or 40.37 %.</summary>
    public static string Percent(decimal value, bool english) => $"{Number(value, english)} %";

    /// <summary>Two decimals with the language's decimal sign.</summary>
    public static string Number(decimal value, bool english)
    {
        var text = value.ToString("0.00", CultureInfo.InvariantCulture);
        return english ? text : text.Replace('.', ',');
    }

    private static string Day(DateOnly day, bool english) =>
        day.ToString(english ? "d MMMM yyyy" : "dd/MM/yyyy", CultureInfo.InvariantCulture);
}
