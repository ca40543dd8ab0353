using System.Text;
using Alba;

namespace IsoLedger.Api.Tests;

public class RegisterUnitTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private IAlbaHost Host => api.Host;

    private static string Unit(string code, string extra = "") =>
        $$"""{"code":"{{code}}","name":"UBND Xã Gia Cát","level":"commune","province":"Quảng Trị","district":"Hải Lăng"{{extra}}}""";

    [Fact]
    public async Task A_registered_unit_can_be_read_back()
    {
        var created = await Host.Scenario(s =>
        {
            s.Post.RawJson(Unit("QT-GIACAT", ""","registeredOn":"2015-03-01" """)).ToUrl("/api/units");
            s.StatusCodeShouldBe(201);
            s.Header("Location").SingleValueShouldEqual("/api/units/QT-GIACAT");
            s.Header("ETag").SingleValueShouldEqual("\"1\"");
        });
        var written = await created.Json();
        Assert.Equal("QT-GIACAT", (string?)written["code"]);
        Assert.Equal(1, (long?)written["version"]);
        Assert.Empty(written["warnings"]!.AsArray());

        var read = await Host.Scenario(s =>
        {
            s.Get.Url("/api/units/QT-GIACAT");
            s.StatusCodeShouldBe(200);
            s.Header("ETag").SingleValueShouldEqual("\"1\"");
        });
        var status = await read.Json();
        Assert.Equal("QT-GIACAT", (string?)status["code"]);
        Assert.Equal("UBND Xã Gia Cát", (string?)status["name"]);
        Assert.Equal("commune", (string?)status["level"]);
        Assert.Equal("Quảng Trị", (string?)status["province"]);
        Assert.Equal("Hải Lăng", (string?)status["district"]);
        Assert.Equal("2015-03-01", (string?)status["registeredOn"]);
        Assert.Equal(1, (long?)status["version"]);
    }

    [Fact]
    public async Task Levels_use_their_kebab_case_names()
    {
        await Host.PostJson("/api/units",
            """{"code":"QT-CC-KIEMLAM","name":"Chi cục Kiểm lâm","level":"sub-department","province":"Quảng Trị","parentCode":"QT-SO-NNPTNT"}""", 201);

        var status = await (await Host.Scenario(s => s.Get.Url("/api/units/QT-CC-KIEMLAM"))).Json();
        Assert.Equal("sub-department", (string?)status["level"]);
        Assert.Equal("QT-SO-NNPTNT", (string?)status["parentCode"]);
    }

    [Fact]
    public async Task Names_are_stored_in_unicode_normal_form_C()
    {
        var decomposed = "UBND Xã Gia Cát".Normalize(NormalizationForm.FormD);
        await Host.PostJson("/api/units",
            $$"""{"code":"QT-NFD","name":"{{decomposed}}","level":"commune","province":"Quảng Trị"}""", 201);

        var status = await (await Host.Scenario(s => s.Get.Url("/api/units/QT-NFD"))).Json();
        Assert.Equal("UBND Xã Gia Cát".Normalize(NormalizationForm.FormC), (string?)status["name"]);
    }

    [Fact]
    public async Task Registering_an_existing_code_is_a_conflict_naming_the_rule()
    {
        await Host.PostJson("/api/units", Unit("QT-TWICE"), 201);

        var conflict = await Host.Scenario(s =>
        {
            s.Post.RawJson(Unit("QT-TWICE")).ToUrl("/api/units");
            s.StatusCodeShouldBe(409);
            s.ContentTypeShouldBe(Http.ProblemJson);
        });
        var problem = await conflict.Json();
        Assert.Equal("urn:isoledger:rule:unit-already-registered", (string?)problem["type"]);
        Assert.Equal("A unit with this code is already registered.", (string?)problem["detail"]);

        var status = await (await Host.Scenario(s => s.Get.Url("/api/units/QT-TWICE"))).Json();
        Assert.Equal(1, (long?)status["version"]);
    }

    [Fact]
    public async Task A_registration_dated_in_the_future_is_rejected()
    {
        var result = await Host.PostJson("/api/units", Unit("QT-FUTURE", ""","registeredOn":"2999-01-01" """), 409);

        Assert.Equal("urn:isoledger:rule:future-business-date", (string?)(await result.Json())["type"]);
        await Host.Scenario(s => { s.Get.Url("/api/units/QT-FUTURE"); s.StatusCodeShouldBe(404); });
    }

    [Fact]
    public async Task An_unknown_code_is_not_found()
    {
        var result = await Host.Scenario(s =>
        {
            s.Get.Url("/api/units/QT-NOBODY");
            s.StatusCodeShouldBe(404);
            s.ContentTypeShouldBe(Http.ProblemJson);
        });
        Assert.Contains("QT-NOBODY", (string?)(await result.Json())["detail"]);
    }

    [Fact]
    public async Task Invalid_fields_are_named_in_a_bad_request()
    {
        var result = await Host.Scenario(s =>
        {
            s.Post.RawJson("""{"code":"-bad code","name":"  ","province":"Quảng Trị"}""").ToUrl("/api/units");
            s.StatusCodeShouldBe(400);
            s.ContentTypeShouldBe(Http.ProblemJson);
        });
        var errors = (await result.Json())["errors"]!.AsObject();
        Assert.True(errors.ContainsKey("code"));
        Assert.True(errors.ContainsKey("name"));
        Assert.True(errors.ContainsKey("level"));
        Assert.False(errors.ContainsKey("province"));
    }

    [Theory]
    [InlineData("""{"code":"QT-X","name":"x","level":"planet","province":"p"}""")]
    [InlineData("""{"code":"QT-X","name":"x","level":3,"province":"p"}""")]
    [InlineData("""{"code":"QT-X","name":"x","level":"commune","province":"p","registeredOn":"23/11/2020"}""")]
    [InlineData("""{"code":"QT-X","name":"x","level":"commune","province":"p","registeredOn":"2020-02-30"}""")]
    [InlineData("""{"code":"QT-X","name":"x" """)]
    [InlineData("""[1,2,3]""")]
    [InlineData("")]
    public async Task Unreadable_bodies_are_a_bad_request(string body)
    {
        await Host.Scenario(s =>
        {
            s.Post.RawJson(body).ToUrl("/api/units");
            s.StatusCodeShouldBe(400);
            s.ContentTypeShouldBe(Http.ProblemJson);
        });
        await Host.Scenario(s => { s.Get.Url("/api/units/QT-X"); s.StatusCodeShouldBe(404); });
    }
}
