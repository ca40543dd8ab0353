using Alba;

namespace IsoLedger.Api.Tests;

/// <summary>The history of UBND xã Gia Cát (Cao Lộc, Lạng Sơn) as the seed documents tell it: a 2008 system,
/// converted to 2015 in 2019 with a 14-member steering board and 107 procedures for 107 administrative procedures.
/// The 2018 nonconformity is back-filled after the 2019 conversion was recorded: state is judged by business
/// dates.</summary>
public class GiaCatHistoryTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private const string Code = "LS-CL-GIACAT";
    private IAlbaHost Host => api.Host;

    private static readonly (string Path, string Body)[] History =
    [
        ("/steering-board",
            """{"formedOn":"2016-03-01","members":12,"chair":"Chủ tịch UBND xã","decisionNo":"15/QĐ-UBND"}"""),
        ("/documentation",
            """{"issuedOn":"2016-06-01","standard":"2008","qualityManual":true,"qualityPolicy":"""
            + """true,"qualityObjectives":true,"mandatoryProcedures":6,"internalProcedures":2,"businessProcedures":"""
            + """98,"administrativeProcedures":98}"""),
        ("/internal-audits", """{"heldOn":"2016-09-15","auditors":"Tổ đánh giá nội bộ"}"""),
        ("/management-reviews", """{"heldOn":"2016-10-10"}"""),
        ("/declarations", """{"declaredOn":"2016-11-01","standard":"2008","decisionNo":"88/QĐ-UBND"}"""),
        ("/years/2016/report", """{"submittedOn":"2016-12-05"}"""),
        ("/years/2017/quality-objectives", """{"issuedOn":"2017-01-05","policy":true,"objectives":true}"""),
        ("/years/2017/maintenance-plan", """{"issuedOn":"2017-01-10"}"""),
        ("/internal-audits", """{"heldOn":"2017-08-20"}"""),
        ("/management-reviews", """{"heldOn":"2017-09-15"}"""),
        ("/years/2017/report", """{"submittedOn":"2017-11-30"}"""),
        ("/years/2018/quality-objectives", """{"issuedOn":"2018-01-05","policy":true,"objectives":true}"""),
        ("/years/2018/maintenance-plan", """{"issuedOn":"2018-01-10"}"""),
        ("/internal-audits", """{"heldOn":"2018-06-10"}"""),
        ("/management-reviews", """{"heldOn":"2018-09-20"}"""),
        ("/years/2018/report", """{"submittedOn":"2018-11-30"}"""),
        ("/conversion/start", """{"startedOn":"2019-03-01","decisionNo":"3704/QĐ-UBND"}"""),
        ("/steering-board", """{"formedOn":"2019-03-15","members":14,"chair":"Chủ tịch UBND xã"}"""),
        ("/documentation",
            """{"issuedOn":"2019-05-01","standard":"2015","qualityManual":true,"qualityPolicy":"""
            + """true,"qualityObjectives":true,"mandatoryProcedures":7,"internalProcedures":4,"businessProcedures":"""
            + """107,"administrativeProcedures":107}"""),
        ("/internal-audits", """{"heldOn":"2019-07-10"}"""),
        ("/management-reviews", """{"heldOn":"2019-08-10"}"""),
        ("/conversion/complete", """{"convertedOn":"2019-09-01","decisionNo":"3704/QĐ-UBND"}"""),
        ("/years/2019/report", """{"submittedOn":"2019-11-15"}"""),
        ("/years/2019/inspection",
            """{"inspectedOn":"2019-11-20","onSite":"""
            + """true,"result":"passed","inspector":"Ban Chỉ đạo ISO huyện Cao Lộc"}"""),
        // Back-filled: found at the 2018 internal audit, recorded after the conversion.
        ("/nonconformities",
            """{"raisedOn":"2018-06-10","source":"internal-audit","description":"Hồ sơ TTHC lưu trữ chưa đầy """
            + """đủ","severity":"minor","clause":"7.5","dueOn":"2018-08-31"}"""),
        ("/nonconformities/NC-1/corrective-action",
            """{"takenOn":"2018-07-01","rootCause":"Chưa phân công người lưu trữ","action":"Giao công chức Văn phòng """
            + """– Thống kê lưu trữ hồ sơ"}"""),
        ("/nonconformities/NC-1/close", """{"closedOn":"2018-08-15","effective":true}"""),
    ];

    private async Task Record()
    {
        await Host.Post("/api/units",
            $$"""{"code":"{{Code}}","name":"UBND Xã Gia Cát","level":"commune","province":"Lạng Sơn","district":"Cao """
            + $$"""Lộc","registeredOn":"2016-01-01"}""",
            Keys.Recorder).Expect(201);
        foreach (var (path, body) in History)
        {
            var key = path.EndsWith("/inspection") ? Keys.Inspector : Keys.Recorder;
            var answer = await Host.Post($"/api/units/{Code}{path}", body, key);
            Assert.True(answer.Status is 200 or 201, $"{path}: {answer.Body?.ToJsonString()}");
        }
    }

    [Fact]
    public async Task The_recorded_history_replays_to_the_units_status_and_its_state_at_the_end_of_2018()
    {
        await Record();

        var history = (await Host.Get($"/api/units/{Code}/history", Keys.Auditor).Expect(200)).Json.AsArray();
        Assert.Equal(History.Length + 1, history.Count);
        Assert.Equal(Enumerable.Range(1, history.Count).Select(v => (long)v),
            history.Select(e => (long)e!["version"]!));
        Assert.Equal("UnitRegistered", (string?)history[0]!["type"]);
        Assert.Equal("StandardConverted", (string?)history[22]!["type"]);
        Assert.Equal("2019-09-01", (string?)history[22]!["businessDate"]);
        Assert.Equal("NonconformityClosed", (string?)history[^1]!["type"]);
        Assert.Equal("2018-08-15", (string?)history[^1]!["businessDate"]);
        Assert.All(history, e => Assert.Contains((string?)e!["recordedBy"], new[] { "dev-recorder", "dev-inspector" }));
        Assert.True(history.Zip(history.Skip(1)).All(p => (long)p.First!["sequence"]! < (long)p.Second!["sequence"]!));

        var status = (await Host.Get($"/api/units/{Code}", Keys.Viewer).Expect(200)).Json;
        Assert.Equal("2015", (string?)status["standard"]);
        Assert.Equal("done", (string?)status["conversion"]!["state"]);
        Assert.Equal("2019-09-01", (string?)status["conversion"]!["convertedOn"]);
        Assert.Equal(14, (int)status["steeringBoard"]!["members"]!);
        Assert.True((bool)status["steeringBoard"]!["reorganisation"]!);
        Assert.Equal(107, (int)status["latestDocumentation"]!["businessProcedures"]!);
        Assert.Equal(107, (int)status["latestDocumentation"]!["administrativeProcedures"]!);
        Assert.Empty(status["openNonconformities"]!.AsArray());
        Assert.Equal(History.Length + 1, (long)status["version"]!);
        var year2019 = status["years"]!.AsArray().Single(y => (int)y!["year"]! == 2019)!;
        Assert.Equal("passed", (string?)year2019["inspection"]!["result"]);
        // Everything the rules ask for was done up to 2019; later years have no audits recorded.
        var flags = status["flags"]!.AsArray();
        Assert.NotEmpty(flags);
        Assert.All(flags, f => Assert.True(int.Parse((string)f!["subject"]!) >= 2020, f!.ToJsonString()));

        var end2018 = (await Host.Get($"/api/units/{Code}/state?asOf=2018-12-31", Keys.Auditor).Expect(200)).Json;
        Assert.Equal("2018-12-31", (string?)end2018["asOf"]);
        Assert.Equal("2008", (string?)end2018["standard"]);
        Assert.Equal("none", (string?)end2018["conversion"]!["state"]);
        Assert.Equal(12, (int)end2018["steeringBoard"]!["members"]!);
        Assert.Equal(98, (int)end2018["latestDocumentation"]!["businessProcedures"]!);
        Assert.Equal("2018-09-20", (string?)end2018["lastManagementReview"]);
        Assert.Empty(end2018["openNonconformities"]!.AsArray());
        Assert.Empty(end2018["flags"]!.AsArray());
        Assert.Equal([2017, 2018], end2018["years"]!.AsArray().Select(y => (int)y!["year"]!).Where(y => y >= 2017));
        var year2018 = end2018["years"]!.AsArray().Single(y => (int)y!["year"]! == 2018)!;
        Assert.Equal(1, (int)year2018["correctiveActions"]!);
        Assert.Equal("2018-11-30", (string?)year2018["reportSubmittedOn"]);

        var midAudit = (await Host.Get($"/api/units/{Code}/state?asOf=2018-06-30", Keys.Auditor).Expect(200)).Json;
        Assert.Equal("NC-1", (string?)midAudit["openNonconformities"]!.AsArray().Single()!["id"]);
    }
}
