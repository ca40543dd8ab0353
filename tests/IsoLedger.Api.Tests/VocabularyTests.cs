using System.Text.Json;
using System.Text.Json.Nodes;
using Alba;
using IsoLedger.Api.Dashboards;
using IsoLedger.Api.Reports;
using IsoLedger.Domain;
using IsoLedger.Domain.LegalBasis;
using IsoLedger.Domain.Units;

namespace IsoLedger.Api.Tests;

/// <summary>The vocabulary's values are what the API writes, without a database.</summary>
public class VocabularyWireTests
{
    private static readonly JsonSerializerOptions Json = Options();

    private static JsonSerializerOptions Options()
    {
        var options = new JsonSerializerOptions();
        Hosting.ApiJson.Configure(options);
        return options;
    }

    private static void AssertWritten<T>(Terms<T> terms) where T : struct, Enum =>
        Assert.All(Enum.GetValues<T>(), member =>
            Assert.Equal(JsonSerializer.Serialize(member, Json), JsonSerializer.Serialize(terms[member].Value)));

    [Fact]
    public void Each_value_is_what_the_JSON_enum_converter_writes()
    {
        AssertWritten(Vocabulary.Levels);
        AssertWritten(Vocabulary.LevelsSingular);
        AssertWritten(Vocabulary.ObligationKinds);
        AssertWritten(Vocabulary.Conversions);
        AssertWritten(Vocabulary.Inspections);
        AssertWritten(Vocabulary.NonconformitySources);
        AssertWritten(Vocabulary.NonconformitySeverities);
        AssertWritten(Vocabulary.RestructuringKinds);
        AssertWritten(Vocabulary.Standings);
        Assert.Equal(JsonSerializer.Serialize(Editions.None), JsonSerializer.Serialize(Vocabulary.NoStandard.Value));
    }

    private static IEnumerable<string> Fields(object sample) =>
        JsonSerializer.SerializeToNode(sample, Json)!.AsObject().Select(p => p.Key);

    [Fact]
    public void Column_values_are_the_fields_of_the_answers_they_label()
    {
        var row = new AnnualRow("C", "N", UnitLevel.Commune, null,
            false, false, false, false, false, false, false, false, null, Editions.None, ConversionState.None);
        Assert.Equal(["number"], Vocabulary.ReportColumns.Select(c => c.Value).Except(Fields(row)));
        Assert.Equal(
            Fields(new ConversionCounts(0, 0, 0, 0, 0, 0)).Order(),
            Vocabulary.ConversionColumns.Select(c => c.Value).Order());
        var summary = new SummaryRow("declared", new(0, 0), new(0, 0), new(0, 0), new(0, 0));
        Assert.Equal(["number", "note"], Vocabulary.SummaryColumns.Select(c => c.Value).Except(Fields(summary)));
    }
}

public class VocabularyEndpointTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private IAlbaHost Host => api.Host;

    private static JsonNode Term(Answer answer, string list, string value) =>
        answer.Json[list]!.AsArray().Single(t => (string?)t!["value"] == value)!;

    [Fact]
    public async Task Any_key_reads_every_term_with_its_labels()
    {
        var answer = await Host.Get("/api/vocabulary", Keys.Viewer).Expect(200);

        Assert.Equal(Vocabulary.Levels.Values, answer.Json["levels"]!.AsArray().Select(t => (string?)t!["value"]));
        var subDepartment = Term(answer, "levels", "sub-department");
        Assert.Equal(
            ("Chi cục thuộc Sở", "Sub-departments"), ((string?)subDepartment["vi"], (string?)subDepartment["en"]));
        // One unit's level is named in the singular: a unit page says "Commune", not "Communes".
        Assert.Equal(Vocabulary.Levels.Values,
            answer.Json["levelsSingular"]!.AsArray().Select(t => (string?)t!["value"]));
        var commune = Term(answer, "levelsSingular", "commune");
        Assert.Equal(("UBND cấp xã", "Commune"), ((string?)commune["vi"], (string?)commune["en"]));
        Assert.Equal("Ko có Bc", (string?)Term(answer, "inspectionResults", "no-report")["vi"]);
        Assert.Equal("2015", (string?)answer.Json["standards"]![2]!["value"]);
        var deadline = Term(answer, "rules", "conversion-deadline");
        Assert.Equal(Rules.ConversionDeadlineMissed.Sentence, (string?)deadline["en"]);
        Assert.Equal(Rules.ConversionDeadlineMissed.SentenceVi, (string?)deadline["vi"]);
        var declared = Term(answer, "events", "ConformityDeclared");
        Assert.Equal("Công bố hệ thống phù hợp TCVN ISO 9001", (string?)declared["vi"]);
        Assert.Equal("KH duy trì áp dụng", (string?)Term(answer, "reportColumns", "maintenancePlan")["vi"]);
        Assert.Equal("Tổng", (string?)answer.Json["total"]!["vi"]);
        Assert.Equal("Cấp xã", (string?)Term(answer, "summaryColumns", "commune")["vi"]);
        Assert.Equal("Điều chuyển địa bàn, trực thuộc", (string?)Term(answer, "restructuringKinds", "transfer")["vi"]);
        Assert.Equal(("none", "Not declared"),
            ((string?)answer.Json["noStandard"]!["value"], (string?)answer.Json["noStandard"]!["en"]));
        Assert.Equal("Thống kê số liệu thực hiện ISO", (string?)answer.Json["summaryTitle"]!["vi"]);
        Assert.Equal("Over the years", (string?)answer.Json["trendsTitle"]!["en"]);
        Assert.Equal("Converted / 2015", (string?)Term(answer, "standings", "converted")["en"]);
        string[] others = ["conversionStates", "nonconformitySources", "nonconformitySeverities", "conversionColumns",
            "summaryRows"];
        foreach (var list in others)
            Assert.NotEmpty(answer.Json[list]!.AsArray());
    }
}
