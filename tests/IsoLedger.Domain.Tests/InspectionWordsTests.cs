using IsoLedger.Domain.Imports;
using IsoLedger.Domain.Units;

namespace IsoLedger.Domain.Tests;

/// <summary>The inspection column as the provinces' tables word the verdict beyond the vocabulary's labels.</summary>
public class InspectionWordsTests
{
    [Theory]
    [InlineData("Đạt yêu cầu", InspectionResult.Passed)]
    [InlineData("ĐẠT YÊU CẦU.", InspectionResult.Passed)]
    [InlineData("Chưa đạt", InspectionResult.Failed)]
    [InlineData("Không đạt yêu cầu", InspectionResult.Failed)]
    [InlineData("Chưa đạt yêu cầu", InspectionResult.Failed)]
    [InlineData("Duy trì tốt", InspectionResult.Maintained)]
    [InlineData("Có duy trì", InspectionResult.Maintained)]
    [InlineData("Không có báo cáo", InspectionResult.NoReport)]
    [InlineData("Chưa báo cáo", InspectionResult.NoReport)]
    [InlineData("Ko có BC", InspectionResult.NoReport)]
    [InlineData("Không báo cáo", InspectionResult.NoReport)]
    public void The_tables_words_are_read_as_the_verdict_they_say(string written, InspectionResult verdict) =>
        Assert.Equal(verdict, InspectionWords.Read(written));

    [Theory]
    [InlineData("Tốt")]
    [InlineData("Khá")]
    [InlineData("Đạt một phần")]
    [InlineData("Không duy trì")]
    [InlineData("Đã báo cáo")]
    [InlineData("")]
    public void Other_words_are_no_verdict(string written) => Assert.Null(InspectionWords.Read(written));

    [Theory]
    [InlineData(InspectionResult.Passed, true)]
    [InlineData(InspectionResult.Failed, true)]
    [InlineData(InspectionResult.Maintained, false)]
    [InlineData(InspectionResult.NoReport, false)]
    public void A_pass_or_a_fail_is_given_on_a_report_sent(InspectionResult verdict, bool reported) =>
        Assert.Equal(reported, InspectionWords.JudgesAReport(verdict));
}
