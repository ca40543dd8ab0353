using Alba;

namespace IsoLedger.Api.Tests;

/// <summary>Every route against every role: the role matrix of README, "Who may do what".</summary>
public class AccessControlTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private IAlbaHost Host => api.Host;

    private static readonly Dictionary<string, string[]> AllowedRoles = new()
    {
        [Routes.Record] = [Keys.Recorder, Keys.Admin],
        [Routes.Inspect] = [Keys.Inspector, Keys.Admin],
        ["read-status"] = [Keys.Viewer, Keys.Recorder, Keys.Inspector, Keys.Auditor, Keys.Admin],
        ["audit"] = [Keys.Auditor, Keys.Inspector, Keys.Admin],
        ["admin"] = [Keys.Admin],
    };

    private static readonly string[] AllKeys = [Keys.Admin, Keys.Recorder, Keys.Inspector, Keys.Auditor, Keys.Viewer];

    private static IEnumerable<(HttpMethod Method, string Url, string Body, string Policy)> AllRoutes() =>
    [
        (HttpMethod.Post, "/api/units",
            """{"code":"QT-ACL","name":"x","level":"commune","province":"Quảng Trị"}""", Routes.Record),
        .. Routes.Commands.Select(r => (HttpMethod.Post, r.For("QT-ACL-UNIT"), r.ValidBody, r.Policy)),
        (HttpMethod.Get, "/api/units", "", "read-status"),
        (HttpMethod.Get, "/api/units/QT-ACL-UNIT", "", "read-status"),
        (HttpMethod.Get, "/api/units/QT-ACL-UNIT/history", "", "audit"),
        (HttpMethod.Get, "/api/units/QT-ACL-UNIT/state?version=1", "", "audit"),
        (HttpMethod.Get, "/api/events", "", "audit"),
        (HttpMethod.Get, "/api/dashboards/conversion?province=Kon+Tum", "", "read-status"),
        (HttpMethod.Get, "/api/dashboards/annual/2020?province=Kon+Tum", "", "read-status"),
        (HttpMethod.Get, "/api/dashboards/statistics/2020?province=Kon+Tum", "", "read-status"),
        (HttpMethod.Get, "/api/dashboards/compliance?province=Kon+Tum", "", "read-status"),
        (HttpMethod.Get, "/api/dashboards/provinces", "", "read-status"),
        (HttpMethod.Get, "/api/dashboards/units/QT-ACL-UNIT", "", "read-status"),
        (HttpMethod.Get, "/api/dashboards/units/QT-ACL-UNIT/timeline", "", "read-status"),
        (HttpMethod.Get, "/api/reports/annual/2020?province=Kon+Tum", "", "read-status"),
        (HttpMethod.Get, "/api/reports/summary/2020?province=Kon+Tum", "", "read-status"),
        (HttpMethod.Get, "/api/reports/province-report/2020?province=Kon+Tum", "", "read-status"),
        (HttpMethod.Get, "/api/reports/trends?province=Kon+Tum", "", "read-status"),
        (HttpMethod.Get, "/api/dashboards/national/2020", "", "read-status"),
        (HttpMethod.Get, "/api/vocabulary", "", "read-status"),
        (HttpMethod.Get, "/api/units/QT-ACL-UNIT/lineage", "", "read-status"),
        (HttpMethod.Get, "/api/units/QT-ACL-UNIT/nonconformities/NC-1", "", "read-status"),
        (HttpMethod.Post, "/api/restructurings", """{"decisionNo":"NQ 1","effectiveOn":"2025-07-01","parts":[]}""",
            Routes.Record),
        (HttpMethod.Get, "/api/restructurings/none", "", "read-status"),
        (HttpMethod.Post, "/api/restructurings/import?dryRun=true", "", Routes.Record),
        (HttpMethod.Get, "/api/admin/projections", "", "admin"),
        (HttpMethod.Get, "/api/admin/unit-writes", "", "admin"),
        (HttpMethod.Post, "/api/admin/projections/NoSuchProjection/rebuild", "{}", "admin"),
        (HttpMethod.Post, "/api/imports?dryRun=true", "{}", "admin"),
    ];

    public static TheoryData<string, string, string, string, string> Matrix()
    {
        var data = new TheoryData<string, string, string, string, string>();
        foreach (var (method, url, body, policy) in AllRoutes())
            foreach (var key in AllKeys)
                data.Add(method.Method, url, body, key, AllowedRoles[policy].Contains(key) ? "allowed" : "forbidden");
        return data;
    }

    [Theory, MemberData(nameof(Matrix))]
    public async Task Each_role_reaches_exactly_its_routes(
        string method, string url, string body, string key, string expected)
    {
        var answer = await Send(method, url, body, key);
        if (expected == "forbidden")
        {
            Assert.Equal(403, answer.Status);
            Assert.StartsWith(Http.ProblemJson, answer.ContentType);
        }
        else
        {
            Assert.NotEqual(401, answer.Status);
            Assert.NotEqual(403, answer.Status);
        }
    }

    public static TheoryData<string, string, string> Unauthenticated()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var (method, url, _, _) in AllRoutes())
            foreach (var key in new[] { "", "not-a-key", "dev-revoked" })
                data.Add(method.Method, url, key);
        return data;
    }

    [Theory, MemberData(nameof(Unauthenticated))]
    public async Task Requests_without_a_valid_key_are_unauthorized(string method, string url, string key)
    {
        var answer = await Send(method, url, "{}", key.Length == 0 ? null : key);
        Assert.Equal(401, answer.Status);
        Assert.StartsWith(Http.ProblemJson, answer.ContentType);
    }

    /// <summary>The import takes CSV; every other route JSON.</summary>
    private Task<Answer> Send(string method, string url, string body, string? key) =>
        url.StartsWith("/api/imports") || url.StartsWith("/api/restructurings/import")
        ? Host.PostBytes(
            url, System.Text.Encoding.UTF8.GetBytes("province,unit_code,unit_name,level,year,report_date\n"), key: key)
        : Host.Send(new HttpMethod(method), url, body, key);

    [Fact]
    public async Task Every_event_records_the_name_of_the_key_that_wrote_it_and_the_correlation_id()
    {
        await Host.Post("/api/units",
            """{"code":"QT-WHO","name":"who","level":"commune","province":"Quảng Trị","registeredOn":"2015-01-01"}""",
            Keys.Recorder).Expect(201);
        await Host.Send(HttpMethod.Post, "/api/units/QT-WHO/years/2019/inspection",
            """{"inspectedOn":"2019-11-20","onSite":true,"result":"passed"}""",
            Keys.Inspector, ("X-Correlation-Id", "inspection-2019")).Expect(200);

        var history = (await Host.Get("/api/units/QT-WHO/history", Keys.Auditor).Expect(200)).Json.AsArray();
        Assert.Equal(["dev-recorder", "dev-inspector"], history.Select(e => (string)e!["recordedBy"]!));
        Assert.Equal("inspection-2019", (string?)history[1]!["correlationId"]);
        Assert.False(string.IsNullOrEmpty((string?)history[0]!["correlationId"]));
    }
}
