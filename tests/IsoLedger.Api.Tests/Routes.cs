namespace IsoLedger.Api.Tests;

/// <summary>A command route with a body it accepts and a body it must refuse as invalid, and the steps
/// (path relative to the unit, body) that must be recorded first for the valid body to succeed.</summary>
public sealed record CommandRoute(
    string Path, string ValidBody, string InvalidBody, string[] InvalidFields, string Policy,
    (string Path, string Body)[] Given)
{
    public string For(string code) => $"/api/units/{code}{Path}";
    public override string ToString() => Path;
}

public static class Routes
{
    public const string Record = "record";
    public const string Inspect = "inspect";

    private static readonly (string, string) Declared2008 =
        ("/declarations", """{"declaredOn":"2015-09-01","standard":"2008"}""");
    private static readonly (string, string) RaisedNc = ("/nonconformities",
        """{"raisedOn":"2016-06-01","source":"internal-audit","description":"Hồ sơ trễ hạn","severity":"minor"}""");
    private static readonly (string, string) CorrectiveAction =
        ("/nonconformities/NC-1/corrective-action", """{"takenOn":"2016-06-10","rootCause":"c","action":"a"}""");

    public static readonly CommandRoute[] Commands =
    [
        new("/steering-board",
            """{"formedOn":"2015-02-01","members":14,"chair":"Chủ tịch UBND","decisionNo":"QĐ 01"}""",
            """{"members":-1,"chair":""}""", ["formedOn", "members", "chair"], Record, []),
        new("/documentation",
            """{"issuedOn":"2015-03-01","standard":"2008","qualityManual":true,"qualityPolicy":"""
            + """true,"qualityObjectives":true,"mandatoryProcedures":6,"internalProcedures":3,"businessProcedures":"""
            + """107,"administrativeProcedures":107}""",
            """{"issuedOn":"1999-12-31","mandatoryProcedures":-6}""",
            ["issuedOn", "standard", "qualityManual", "mandatoryProcedures", "businessProcedures"], Record, []),
        new("/declarations",
            """{"declaredOn":"2015-09-01","standard":"2008","decisionNo":"QĐ 12","scope":"107 TTHC"}""",
            """{"scope":"   "}""", ["declaredOn", "standard", "scope"], Record, []),
        new("/conversion/start", """{"startedOn":"2019-01-10","decisionNo":"KH 02"}""",
            """{}""", ["startedOn"], Record, [Declared2008]),
        new("/conversion/complete", """{"convertedOn":"2019-06-10"}""",
            """{"convertedOn":null}""", ["convertedOn"], Record, [Declared2008]),
        new("/years/2019/quality-objectives", """{"issuedOn":"2019-01-05","policy":true,"objectives":true}""",
            """{"issuedOn":"2019-01-05","policy":false,"objectives":false}""", ["objectives"], Record, []),
        new("/years/2019/maintenance-plan", """{"issuedOn":"2019-01-20"}""", """{}""", ["issuedOn"], Record, []),
        new("/years/2019/report", """{"submittedOn":"2019-11-30"}""",
            """{"submittedOn":"1990-01-01"}""", ["submittedOn"], Record, []),
        new("/years/2019/inspection",
            """{"inspectedOn":"2019-11-20","onSite":true,"result":"passed","inspector":"Chi cục TĐC"}""",
            """{"inspectedOn":"2019-11-20"}""", ["onSite", "result"], Inspect, []),
        new("/internal-audits", """{"heldOn":"2016-06-01","auditors":"Tổ ĐGNB","scope":"Toàn bộ"}""",
            """{"auditors":"x"}""", ["heldOn"], Record, []),
        new("/nonconformities",
            """{"raisedOn":"2016-06-01","source":"internal-audit","description":"Hồ sơ trễ """
            + """hạn","severity":"minor","clause":"8.5","dueOn":"2016-07-01"}""",
            """{"raisedOn":"2016-06-01","description":""}""", ["source", "description", "severity"], Record, []),
        new("/nonconformities/NC-1/corrective-action",
            """{"takenOn":"2016-06-10","rootCause":"Chưa theo dõi","action":"Lập sổ theo dõi"}""",
            """{"takenOn":"2016-06-10"}""", ["rootCause", "action"], Record, [RaisedNc]),
        new("/nonconformities/NC-1/close", """{"closedOn":"2016-06-20","effective":true}""",
            """{"closedOn":"2016-06-20"}""", ["effective"], Record, [RaisedNc, CorrectiveAction]),
        new("/management-reviews", """{"heldOn":"2016-07-01","outputs":"Duy trì"}""", """{}""", ["heldOn"], Record, []),
        new("/scope-changes",
            """{"changedOn":"2017-03-01","description":"Thêm 5 TTHC","administrativeProcedures":112}""",
            """{"changedOn":"2017-03-01","administrativeProcedures":-1}""",
            ["description", "administrativeProcedures"], Record, []),
        new("/merge", """{"mergedOn":"2025-07-01","intoCode":"QT-MERGE-TARGET"}""",
            """{"mergedOn":"2025-07-01","intoCode":"no such code!"}""", ["intoCode"], Record, []),
    ];

    public static TheoryData<CommandRoute> All() => [.. Commands];
}
