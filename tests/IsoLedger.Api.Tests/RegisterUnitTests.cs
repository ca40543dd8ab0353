using System.Text;
using Alba;

namespace IsoLedger.Api.Tests;

public class RegisterUnitTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private IAlbaHost Host => api.Host;

    /// <summary>A commune of Hải Lăng; each code under a name of its own (one unit is registered under one code).
    /// </summary>
    private static string Unit(string code, string extra = "", string name = "UBND Xã Gia Cát") =>
        $$"""{"code":"{{code}}","name":"{{name}}","level":"commune","province":"Quảng Trị","district":"Hải """
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

    /// <summary>A code no unit has is the rule <c>unit-not-registered</c>, named as every broken rule is (its
    /// <c>type</c> and <c>rule</c>) on every read and write of a unit, as a restructuring naming such a unit answers
    /// it.</summary>
    [Fact]
    public async Task An_unknown_unit_is_answered_404_naming_the_rule()
    {
        string[] reads =
        [
            "/api/units/QT-NOBODY", "/api/units/QT-NOBODY/state?asOf=2020-01-01", "/api/units/QT-NOBODY/history",
            "/api/units/QT-NOBODY/lineage", "/api/units/QT-NOBODY/nonconformities/NC-1",
            "/api/dashboards/units/QT-NOBODY", "/api/dashboards/units/QT-NOBODY/timeline", "/api/units/not%20a%20code",
        ];
        var answers = new List<Answer>();
        foreach (var url in reads) answers.Add(await Host.Get(url, Keys.Auditor).Expect(404));
        answers.Add(await Host.Post("/api/units/QT-NOBODY/internal-audits", """{"heldOn":"2016-05-10"}""",
            Keys.Recorder).Expect(404));
        answers.Add(await Host.Post("/api/units/QT-NOBODY/internal-audits", """{"heldOn":"2016-05-10"}""",
            Keys.Recorder, ("If-Match", "*")).Expect(404));
        Assert.All(answers, answer => Assert.Equal(
            ("urn:isoledger:rule:unit-not-registered", "unit-not-registered"),
            (answer.ProblemType, (string?)answer.Json["rule"])));
    }

    /// <summary>A unit's nonconformity it does not have is a 404 naming the rule a corrective action or closing of it
    /// is refused by; it had named none.</summary>
    [Fact]
    public async Task An_unknown_nonconformity_is_answered_404_naming_the_rule()
    {
        await Host.RegisterCommune("QT-NC-NONE");
        var answer = await Host.Get("/api/units/QT-NC-NONE/nonconformities/NC-7", Keys.Auditor).Expect(404);
        Assert.Equal(("urn:isoledger:rule:nonconformity-not-found", "nonconformity-not-found"),
            (answer.ProblemType, (string?)answer.Json["rule"]));
    }

    /// <summary>Codes are compared as written: a code asked in another letter case than the unit's is no unit, and
    /// the 404 names the unit it is written for, on every read and write of a unit.</summary>
    [Fact]
    public async Task A_code_asked_in_another_letter_case_is_told_the_registered_one()
    {
        await Host.RegisterCommune("QT-CASE-1");
        string[] reads =
        [
            "/api/units/qt-case-1", "/api/units/Qt-Case-1/state?asOf=2020-01-01", "/api/units/qt-case-1/history",
            "/api/units/qt-case-1/lineage", "/api/dashboards/units/qt-case-1",
        ];
        foreach (var url in reads)
        {
            var answer = await Host.Get(url, Keys.Auditor).Expect(404);
            Assert.Equal("QT-CASE-1", (string?)answer.Json["registeredAs"]);
            Assert.Contains("unit 'QT-CASE-1' is", (string?)answer.Json["detail"]);
        }
        var write = await Host.Post("/api/units/qt-case-1/internal-audits", """{"heldOn":"2016-05-10"}""",
            Keys.Recorder).Expect(404);
        Assert.Equal("QT-CASE-1", (string?)write.Json["registeredAs"]);

        var unknown = await Host.Get("/api/units/QT-CASE-2", Keys.Auditor).Expect(404);
        Assert.Null(unknown.Json["registeredAs"]);
        Assert.Equal("No unit with code 'QT-CASE-2' is registered.", (string?)unknown.Json["detail"]);
    }

    [Fact]
    public async Task A_status_read_again_after_a_write_shows_the_write()
    {
        await Host.Post("/api/units", Unit("QT-DOCLAI", ""","registeredOn":"2015-03-01" """, "UBND Xã Độc Lai"),
            Keys.Recorder).Expect(201);
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

    /// <summary>A name pasted from a wrapped cell or a word processor keeps no line break, tab, no-break space or
    /// double space: it is one line, as searches and exports need it.</summary>
    [Fact]
    public async Task Names_are_stored_on_one_line_with_single_spaces()
    {
        await Host.Post("/api/units", """
            {"code":"QT-ONELINE","name":" Sở Tài nguyên\nvà\u00A0Môi  trư\u200Bờng\t","level":"department",
             "province":"Quảng Trị"}
            """).Expect(201);
        await Host.Post("/api/units", """
            {"code":"QT-ONELINE-XA","name":"UBND xã\r\nGia Cát","level":"commune","province":"Quảng Trị",
             "district":"Huyện\u00A0Hải  Lăng","registeredOn":"2016-01-01"}
            """).Expect(201);

        Assert.Equal("Sở Tài nguyên và Môi trường",
            (string?)(await Host.Get("/api/units/QT-ONELINE").Expect(200)).Json["name"]);
        var commune = (await Host.Get("/api/units/QT-ONELINE-XA").Expect(200)).Json;
        Assert.Equal(
            ("UBND xã Gia Cát", "Huyện Hải Lăng"), ((string?)commune["name"], (string?)commune["formerDistrict"]));
    }

    [Fact]
    public async Task Registering_an_existing_code_is_a_conflict_naming_the_rule()
    {
        await Host.Post("/api/units", Unit("QT-TWICE", name: "UBND Xã Hai Lần")).Expect(201);

        var problem = (await Host.Post("/api/units", Unit("QT-TWICE", name: "UBND Xã Hai Lần")).Expect(409)).Json;
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

    /// <summary>What the JSON reader says is told in the client's terms, not its own options ("Change the reader
    /// options", "when isFinalBlock is true").</summary>
    [Theory]
    [InlineData("""{"code":"QT-X","name":"x",}""", "a comma after the last member or element")]
    [InlineData("", "the body is empty")]
    [InlineData("""{"code":"QT-X" """, "Not valid JSON")]
    public async Task A_body_that_is_no_JSON_is_told_why_in_plain_words(string body, string told)
    {
        var said = (string?)(await Host.Post("/api/units", body).Expect(400)).Json["errors"]!["body"]![0];

        Assert.Contains(told, said);
        Assert.DoesNotContain("reader options", said);
        Assert.DoesNotContain("isFinalBlock", said);
    }

    private Task<Answer> Register(
        string code, string name, string level = "commune", string province = "Lạng Sơn",
        string? district = "Cao Lộc", string? registeredOn = "2016-01-01", string? parentCode = null)
    {
        var body = new System.Text.Json.Nodes.JsonObject
        {
            ["code"] = code,
            ["name"] = name,
            ["level"] = level,
            ["province"] = province,
        };
        if (district is not null) body["district"] = district;
        if (registeredOn is not null) body["registeredOn"] = registeredOn;
        if (parentCode is not null) body["parentCode"] = parentCode;
        return Host.Post("/api/units", body.ToJsonString(), Keys.Recorder);
    }

    private async Task NameTaken(Task<Answer> registration, string code, string registered)
    {
        var problem = (await registration.Expect(409)).Json;
        Assert.Equal("urn:isoledger:rule:unit-name-taken", (string?)problem["type"]);
        Assert.Equal(registered, (string?)problem["unit"]);
        Assert.Contains($"Unit '{registered}'", (string?)problem["detail"]);
        await Host.Get($"/api/units/{code}", Keys.Viewer).Expect(404);
    }

    [Fact]
    public async Task A_second_code_for_a_unit_existing_under_its_name_is_refused_naming_the_first()
    {
        await Register("NT-HOA", "UBND Xã Hòa Cư").Expect(201);
        await NameTaken(Register("NT-HOA-2", "UBND Xã Hòa Cư"), "NT-HOA-2", "NT-HOA");
        // Named as the import compares names: letter case, form D, the tone mark in its old place, "Ủy ban nhân dân".
        await NameTaken(Register("NT-HOA-3", "ubnd xã hoà cư".Normalize(NormalizationForm.FormD), "commune",
            "Tỉnh Lạng Sơn", "Huyện Cao Lộc", "2020-05-01"), "NT-HOA-3", "NT-HOA");
        await NameTaken(Register("NT-HOA-4", "Ủy ban nhân dân xã Hòa Cư", registeredOn: null), "NT-HOA-4", "NT-HOA");

        // Another district, level or province, or a date before the unit existed, is another unit.
        await Register("NT-HOA-VL", "UBND Xã Hòa Cư", district: "Văn Lãng").Expect(201);
        await Register("NT-HOA-CB", "UBND Xã Hòa Cư", province: "Cao Bằng", district: "Hòa An").Expect(201);
        await Register("NT-HOA-OLD", "UBND Xã Hòa Cư", registeredOn: "2010-01-01").Expect(201);
    }

    /// <summary>A department named with some words as their initials is the one whose name they abbreviate, either
    /// way round; initials that another department's name would take too are no namesake of this one.</summary>
    [Fact]
    public async Task A_department_registered_under_its_initials_repeats_the_one_they_abbreviate()
    {
        await Register("NT-SO-NN", "Sở Nông nghiệp và Phát triển nông thôn", "department", district: null)
            .Expect(201);
        await NameTaken(Register("NT-SO-NN-2", "Sở NN&PTNT", "department", district: null), "NT-SO-NN-2", "NT-SO-NN");
        await Register("NT-SO-TN", "Sở TN&MT", "department", district: null).Expect(201);
        await NameTaken(Register("NT-SO-TN-2", "Sở Tài nguyên và Môi trường", "department", district: null),
            "NT-SO-TN-2", "NT-SO-TN");
        await Register("NT-SO-NNMT", "Sở Nông nghiệp và Môi trường", "department", district: null).Expect(201);
    }

    [Fact]
    public async Task A_unit_formed_in_place_of_an_ended_one_takes_its_name_from_the_day_it_ended()
    {
        await Register("NT-BA", "UBND Xã Ba Sơn").Expect(201);
        await Host.Post("/api/restructurings", """
            {"decisionNo":"QĐ 7/2020","effectiveOn":"2020-01-01","parts":[{"kind":"dissolve","from":["NT-BA"]}]}
            """, Keys.Recorder).Expect(201);

        await NameTaken(Register("NT-BA-2", "UBND Xã Ba Sơn", registeredOn: "2019-12-31"), "NT-BA-2", "NT-BA");
        await Register("NT-BA-3", "UBND Xã Ba Sơn", registeredOn: "2020-01-01").Expect(201);
    }

    [Fact]
    public async Task A_sub_department_repeats_one_under_the_same_department_only()
    {
        await Register("NT-SO-A", "Sở Nông nghiệp", "department", district: null).Expect(201);
        await Register("NT-SO-B", "Sở Tài nguyên", "department", district: null).Expect(201);
        await Register("NT-CC-A", "Chi cục Thủy lợi", "sub-department", district: null, parentCode: "NT-SO-A")
            .Expect(201);
        await Register("NT-CC-B", "Chi cục Thủy lợi", "sub-department", district: null, parentCode: "NT-SO-B")
            .Expect(201);
        await NameTaken(Register("NT-CC-A2", "Chi cục Thuỷ lợi", "sub-department", district: null,
            parentCode: "NT-SO-A"), "NT-CC-A2", "NT-CC-A");
    }

    [Fact]
    public async Task A_former_provinces_unit_is_repeated_in_the_province_it_became_part_of()
    {
        await Register("NT-QB-SO", "Sở Du lịch", "department", "Quảng Bình", null, "2015-01-01").Expect(201);
        await Register("NT-QT-SO", "Sở Du lịch", "department", "Quảng Trị", null, "2015-01-01").Expect(201);
        await NameTaken(Register("NT-QT-SO2", "Sở Du lịch", "department", "Quảng Trị", null, "2025-08-01"),
            "NT-QT-SO2", "NT-QB-SO");
    }

    [Fact]
    public async Task A_unit_moved_to_another_province_later_is_repeated_where_it_was_on_the_date()
    {
        await Register("NT-MV-SO", "Sở Văn hóa Đã Chuyển", "department", district: null, registeredOn: "2015-01-01")
            .Expect(201);
        await Host.Post("/api/restructurings", """
            {"decisionNo":"QĐ 9/2020","effectiveOn":"2020-01-01","parts":[
             {"kind":"transfer","from":["NT-MV-SO"],"province":"Cao Bằng"}]}
            """, Keys.Recorder).Expect(201);

        // In Lạng Sơn until 2020, in Cao Bằng since: a registration dated in either is that unit's repeat.
        await NameTaken(Register("NT-MV-SO2", "Sở Văn hóa Đã Chuyển", "department", district: null,
            registeredOn: "2018-01-01"), "NT-MV-SO2", "NT-MV-SO");
        await NameTaken(Register("NT-MV-SO3", "Sở Văn hóa Đã Chuyển", "department", "Cao Bằng", null, "2021-01-01"),
            "NT-MV-SO3", "NT-MV-SO");
        await Register("NT-MV-SO4", "Sở Văn hóa Đã Chuyển", "department", district: null, registeredOn: "2021-01-01")
            .Expect(201);
    }

    [Fact]
    public async Task A_unit_formed_in_place_of_a_namesake_is_registered_by_the_restructuring_the_refusal_names()
    {
        await Register("NT-HD", "UBND Xã Hải Định").Expect(201);
        // The merge is not on record yet: the commune of that name exists on the day.
        var refused = (await Register("NT-HD-2", "UBND Xã Hải Định", registeredOn: "2020-01-01").Expect(409)).Json;
        Assert.Equal("NT-HD", (string?)refused["unit"]);
        Assert.Contains("POST /api/restructurings", (string?)refused["detail"]);
        Assert.Contains("`into`", (string?)refused["detail"]);

        // The route it names records the new unit under that name.
        await Host.Post("/api/restructurings", """
            {"decisionNo":"NQ 10/2020","effectiveOn":"2020-01-01","parts":[{"kind":"merge","from":["NT-HD"],
             "into":{"code":"NT-HD-2","name":"UBND Xã Hải Định","level":"commune","province":"Lạng Sơn",
             "district":"Cao Lộc"}}]}
            """, Keys.Recorder).Expect(201);
        var formed = (await Host.Get("/api/units/NT-HD-2", Keys.Viewer).Expect(200)).Json;
        Assert.Equal("UBND Xã Hải Định", (string?)formed["name"]);
    }

    [Fact]
    public async Task Racing_registrations_of_one_unit_under_several_codes_record_one()
    {
        var racing = await Task.WhenAll(Enumerable.Range(0, 6).Select(i =>
            Register($"NT-RACE-{i}", "UBND Xã Đồng Đăng", district: "Văn Quan")));
        Assert.Equal(1, racing.Count(answer => answer.Status == 201));
        Assert.All(racing.Where(answer => answer.Status != 201), answer => Assert.Equal(409, answer.Status));
    }
}
