using System.Text;
using Alba;

namespace IsoLedger.Api.Tests;

public class RegisterUnitTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private IAlbaHost Host => api.Host;

    private static string Unit(string code, string extra = "") =>
        $$"""{"code":"{{code}}","name":"UBND Xã Gia Cát","level":"commune","province":"Quảng Trị","district":"Hải """
        + $$"""Lăng"{{extra}}}""";

    [Fact]
    public async Task A_registered_unit_can_be_read_back()
    {
        var created = await Host.Post(
            "/api/units", Unit("QT-GIACAT", ""","registeredOn":"2015-03-01" """), Keys.Recorder).Expect(201);
        Assert.Equal("/api/units/QT-GIACAT", created.Header("Location"));
        Assert.Equal("\"1\"", created.Header("ETag"));
        Assert.Equal("QT-GIACAT", (string?)created.Json["code"]);
        Assert.Equal(1, (long?)created.Json["version"]);
        Assert.Empty(created.Json["warnings"]!.AsArray());

        var read = await Host.Get("/api/units/QT-GIACAT", Keys.Viewer).Expect(200);
        Assert.StartsWith("\"1.", read.Header("ETag"));
        var status = read.Json;
        Assert.Equal("QT-GIACAT", (string?)status["code"]);
        Assert.Equal("UBND Xã Gia Cát", (string?)status["name"]);
        Assert.Equal("commune", (string?)status["level"]);
        Assert.Equal("Quảng Trị", (string?)status["province"]);
        // Today the district level has ended (1 July 2025): the commune is in no district, and was in Hải Lăng.
        Assert.Null((string?)status["district"]);
        Assert.Equal("Hải Lăng", (string?)status["formerDistrict"]);
        Assert.Equal("2015-03-01", (string?)status["registeredOn"]);
        Assert.Equal("none", (string?)status["standard"]);
        Assert.Equal(1, (long?)status["version"]);

        var before = (await Host.Get("/api/units/QT-GIACAT/state?asOf=2025-06-30", Keys.Auditor).Expect(200)).Json;
        Assert.Equal(("Hải Lăng", null), ((string?)before["district"], (string?)before["formerDistrict"]));
    }

    [Fact]
    public async Task A_status_read_again_after_a_write_shows_the_write()
    {
        await Host.Post("/api/units", Unit("QT-DOCLAI", ""","registeredOn":"2015-03-01" """), Keys.Recorder)
            .Expect(201);
        var before = await Host.Get("/api/units/QT-DOCLAI", Keys.Viewer).Expect(200);
        Assert.Equal(before.Text, (await Host.Get("/api/units/QT-DOCLAI", Keys.Viewer).Expect(200)).Text);
        Assert.Null(before.Json["lastInternalAudit"]?.GetValue<string>());

        await Host.Post("/api/units/QT-DOCLAI/internal-audits", """{"heldOn":"2016-05-10"}""", Keys.Recorder)
            .Expect(200);

        var after = await Host.Get("/api/units/QT-DOCLAI", Keys.Viewer).Expect(200);
        Assert.StartsWith("\"2.", after.Header("ETag"));
        Assert.Equal(2, (long?)after.Json["version"]);
        Assert.Equal("2016-05-10", (string?)after.Json["lastInternalAudit"]);
    }

    [Fact]
    public async Task Levels_use_their_kebab_case_names()
    {
        await Host.RegisterDepartment("QT-SO-NNPTNT");
        await Host.Post("/api/units",
            """{"code":"QT-CC-KIEMLAM","name":"Chi cục Kiểm lâm","level":"sub-department","province":"Quảng """
            + """Trị","parentCode":"QT-SO-NNPTNT"}""").Expect(201);

        var status = (await Host.Get("/api/units/QT-CC-KIEMLAM").Expect(200)).Json;
        Assert.Equal("sub-department", (string?)status["level"]);
        Assert.Equal("QT-SO-NNPTNT", (string?)status["parentCode"]);
    }

    [Fact]
    public async Task Names_are_stored_in_unicode_normal_form_C()
    {
        var decomposed = "UBND Xã Gia Cát".Normalize(NormalizationForm.FormD);
        await Host.Post("/api/units",
            $$"""{"code":"QT-NFD","name":"{{decomposed}}","level":"commune","province":"Quảng Trị"}""").Expect(201);

        var status = (await Host.Get("/api/units/QT-NFD").Expect(200)).Json;
        Assert.Equal("UBND Xã Gia Cát".Normalize(NormalizationForm.FormC), (string?)status["name"]);
    }

    [Fact]
    public async Task Registering_an_existing_code_is_a_conflict_naming_the_rule()
    {
        await Host.Post("/api/units", Unit("QT-TWICE")).Expect(201);

        var problem = (await Host.Post("/api/units", Unit("QT-TWICE")).Expect(409)).Json;
        Assert.Equal("urn:isoledger:rule:unit-already-registered", (string?)problem["type"]);
        Assert.Equal("A unit with this code is already registered.", (string?)problem["detail"]);
        Assert.Equal(1, (long?)(await Host.Get("/api/units/QT-TWICE").Expect(200)).Json["version"]);
    }

    [Fact]
    public async Task A_registration_dated_in_the_future_is_rejected()
    {
        var answer = await Host.Post("/api/units", Unit("QT-FUTURE", ""","registeredOn":"2999-01-01" """)).Expect(409);

        Assert.Equal("urn:isoledger:rule:future-business-date", answer.ProblemType);
        await Host.Get("/api/units/QT-FUTURE").Expect(404);
    }

    [Fact]
    public async Task An_unknown_code_is_not_found() =>
        Assert.Contains("QT-NOBODY", (string?)(await Host.Get("/api/units/QT-NOBODY").Expect(404)).Json["detail"]);

    [Fact]
    public async Task Invalid_fields_are_named_in_a_bad_request()
    {
        var errors = (await Host.Post("/api/units", """{"code":"-bad code","name":"  ","province":"Quảng Trị"}""")
            .Expect(400)).Json["errors"]!.AsObject();
        Assert.True(errors.ContainsKey("code"));
        Assert.True(errors.ContainsKey("name"));
        Assert.True(errors.ContainsKey("level"));
        Assert.False(errors.ContainsKey("province"));
    }

    [Theory]
    [InlineData("""{"code":"QT-X","name":"x","level":"planet","province":"Quảng Trị"}""")]
    [InlineData("""{"code":"QT-X","name":"x","level":3,"province":"Quảng Trị"}""")]
    [InlineData("""{"code":"QT-X","name":"x","level":"commune","province":"Quảng Trị","registeredOn":"23/11/2020"}""")]
    [InlineData("""{"code":"QT-X","name":"x","level":"commune","province":"Quảng Trị","registeredOn":"2020-02-30"}""")]
    [InlineData("""{"code":"QT-X","name":"x","level":"commune","province":"Quảng Trị","registeredOn":"1999-12-31"}""")]
    [InlineData("""{"code":"QT-X","name":"x" """)]
    [InlineData("""[1,2,3]""")]
    [InlineData("")]
    public async Task Unreadable_or_invalid_bodies_are_a_bad_request(string body)
    {
        await Host.Post("/api/units", body).Expect(400);
        await Host.Get("/api/units/QT-X").Expect(404);
    }
}
