using System.Text;
using Alba;

namespace IsoLedger.Api.Tests;

/// <summary>Input that passed the checks once and was then misread or failed deep inside: enumeration values in another
/// case or combined as flags, characters that are no text, a code with a line break after it, a body without a type,
/// field names in another case, dates too far ahead to judge.</summary>
public class InputStrictnessTests(ApiFixture api) : IClassFixture<ApiFixture>, IAsyncLifetime
{
    private const string Code = "QT-STRICT";
    private IAlbaHost Host => api.Host;

    public async Task InitializeAsync()
    {
        if ((await Host.Get($"/api/units/{Code}")).Status == 404) await Host.RegisterCommune(Code);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static string Nonconformity(string source, string severity) =>
        $$"""{"raisedOn":"2016-06-01","source":"{{source}}","description":"Hồ sơ trễ hạn","severity":"{{severity}}"}""";

    [Theory]
    [InlineData("inspection, complaint", "minor", "source")]
    [InlineData("internal-audit", "MINOR, major", "severity")]
    [InlineData("internal-audit", "Minor", "severity")]
    [InlineData("Internal-Audit", "minor", "source")]
    [InlineData("internal-audit", "1", "severity")]
    public async Task An_enumeration_value_is_one_name_exactly_as_written(string source, string severity, string field)
    {
        var before = (await Host.Get($"/api/units/{Code}/history")).Text;
        var answer = await Host.Post($"/api/units/{Code}/nonconformities", Nonconformity(source, severity)).Expect(400);
        Assert.Contains("Must be one of", answer.Json["errors"]![field]![0]!.GetValue<string>());
        Assert.Equal(before, (await Host.Get($"/api/units/{Code}/history")).Text);
        await Host.Post($"/api/units/{Code}/nonconformities", Nonconformity("inspection", "major")).Expect(201);
    }

    /// <summary>An inspection's result written otherwise than as one of its two values was told the enumeration's
    /// four, and the two of them that come from report tables alone (maintained, no report) are refused here.</summary>
    [Theory]
    [InlineData(",\"result\":\"Passed\"", "Must be one of \"passed\", \"failed\".")]
    [InlineData(",\"result\":\"maintained\"", "Must be one of \"passed\", \"failed\".")]
    [InlineData(",\"result\":\"no-report\"", "Must be one of \"passed\", \"failed\".")]
    [InlineData("", "Required: one of \"passed\", \"failed\".")]
    public async Task An_inspection_result_is_told_the_two_values_it_may_take(string result, string told)
    {
        var before = (await Host.Get($"/api/units/{Code}/history")).Text;
        var answer = await Host.Post($"/api/units/{Code}/years/2016/inspection",
            $$"""{"inspectedOn":"2016-06-01","onSite":true{{result}}}""").Expect(400);
        Assert.Equal(told, answer.Json["errors"]!["result"]![0]!.GetValue<string>());
        Assert.Equal(before, (await Host.Get($"/api/units/{Code}/history")).Text);
    }

    /// <summary>A closing deadline in the calendar's last day was accepted and kept the nonconformity off the overdue
    /// flags for good; ten years after the find is the furthest one may lie.</summary>
    [Theory]
    [InlineData("9999-12-31", 400)]
    [InlineData("2026-06-02", 400)]
    [InlineData("2026-06-01", 201)]
    [InlineData("2016-07-01", 201)]
    public async Task A_closing_deadline_lies_at_most_ten_years_after_the_find(string dueOn, int status)
    {
        var before = (await Host.Get($"/api/units/{Code}/history")).Text;
        var body = Nonconformity("inspection", "minor").TrimEnd('}') + $$""","dueOn":"{{dueOn}}"}""";

        var answer = await Host.Post($"/api/units/{Code}/nonconformities", body).Expect(status);

        if (status == 201) return;
        Assert.Equal("Must be at most 10 years after raisedOn.",
            answer.Json["errors"]!["dueOn"]![0]!.GetValue<string>());
        Assert.Equal(before, (await Host.Get($"/api/units/{Code}/history")).Text);
    }

    /// <summary>An edition is a name as a string: one of another shape was told "Must be an object."</summary>
    [Theory]
    [InlineData("/api/units/QT-STRICT/declarations", """{"declaredOn":"2016-06-01","standard":"ISO 2015"}""")]
    [InlineData("/api/units/QT-STRICT/declarations", """{"declaredOn":"2016-06-01","standard":2015}""")]
    [InlineData("/api/rules/editions", """
        {"name":"x","nameVi":"x","nameEn":"x","publishedOn":"2016-06-01","source":"x","reason":"x"}
        """)]
    public async Task An_edition_of_another_shape_is_told_what_an_edition_is(string url, string body)
    {
        var answer = await Host.Post(url, body).Expect(400);

        var told = answer.Json["errors"]!.AsObject().Single().Value![0]!.GetValue<string>();
        Assert.Equal("Must be an edition's name, such as \"2008\" or \"2015\".", told);
    }

    [Fact]
    public async Task A_restructuring_kind_combined_as_flags_is_refused_not_failed()
    {
        var answer = await Host.Post("/api/restructurings",
            """{"decisionNo":"X","effectiveOn":"2020-07-01","parts":"""
            + """[{"kind":"split, dissolve","from":["QT-STRICT"]}]}""")
            .Expect(400);
        Assert.NotNull(answer.Json["errors"]!["parts[0].kind"]);
    }

    [Fact]
    public async Task A_query_enumeration_value_is_one_name()
    {
        await Host.Get("/api/units?level=department,%20commune").Expect(400);
        await Host.Get("/api/units?level=COMMUNE").Expect(400);
        await Host.Get("/api/units?level=commune").Expect(200);
    }

    [Theory]
    [InlineData("\\uFFFE")]
    [InlineData("\\uFFFF")]
    [InlineData("\\uFDD0")]
    [InlineData("\\uD83F\\uDFFF")]
    [InlineData("\\uD800")]
    [InlineData("\\u202Eabc")]
    public async Task Text_holding_what_is_no_text_is_refused(string escaped)
    {
        var answer = await Host.Post("/api/units",
            $$"""{"code":"QT-NOTEXT","name":"Sở {{escaped}}","level":"department","province":"Quảng Trị"}""")
            .Expect(400);
        Assert.NotNull(answer.Json["errors"]!["name"]);
        await Host.Get("/api/units/QT-NOTEXT").Expect(404);
    }

    /// <summary>Half a surrogate pair written as an escape is a string that is no text: it was told "Must be a
    /// string.", which it is.</summary>
    [Theory]
    [InlineData("\\uD800")]
    [InlineData("\\uDFFF")]
    [InlineData("\\uDC00\\uD800")]
    public async Task Half_a_surrogate_pair_is_told_it_is_no_text(string escaped)
    {
        var answer = await Host.Post($"/api/units/{Code}/internal-audits",
            $$"""{"heldOn":"2020-06-01","auditors":"Tổ {{escaped}}"}""").Expect(400);

        Assert.Equal("Must not contain characters that are not text (Unicode noncharacters or broken surrogate pairs).",
            answer.Json["errors"]!["auditors"]![0]!.GetValue<string>());
    }

    /// <summary>A text's length is counted as the document's <c>maxLength</c> counts it, in characters (code points):
    /// a Hán-Nôm character outside the Basic Multilingual Plane is one, not the two UTF-16 units .NET counts, so a
    /// text the document allows was refused at half its length.</summary>
    [Fact]
    public async Task A_texts_length_is_counted_in_characters_as_the_document_counts_them()
    {
        static string Han(int count) => string.Concat(Enumerable.Repeat(char.ConvertFromUtf32(0x2000B), count));
        var audit = $"/api/units/{Code}/internal-audits";

        await Host.Post(audit, $$"""{"heldOn":"2020-06-01","scope":"{{Han(2000)}}"}""").Expect(200);
        var longer = await Host.Post(audit, $$"""{"heldOn":"2020-06-01","scope":"{{Han(2001)}}"}""").Expect(400);
        Assert.Equal("Must be at most 2000 characters.", longer.Json["errors"]!["scope"]![0]!.GetValue<string>());
        var province = await Host.Post("/api/units",
            $$"""{"code":"QT-HAN","name":"Sở","level":"department","province":"{{Han(300)}}"}""").Expect(400);
        Assert.NotNull(province.Json["errors"]!["province"]);
    }

    [Theory]
    [InlineData("\\u200B\\u200B")]
    [InlineData("\\uFEFF")]
    [InlineData(" \\u2060 ")]
    [InlineData("\\uDB40\\uDC20\\uDB40\\uDC21")]
    [InlineData("\\uD834\\uDD73")]
    [InlineData("\\u3164")]
    [InlineData("\\u115F \\u2800")]
    [InlineData("\\u034F")]
    [InlineData("\\u0301\\u0301")]
    public async Task A_name_of_invisible_characters_is_blank(string escaped)
    {
        var answer = await Host.Post("/api/units",
            $$"""{"code":"QT-NOTEXT","name":"{{escaped}}","level":"department","province":"Quảng Trị"}""")
            .Expect(400);
        Assert.Equal("Must not be blank.", answer.Json["errors"]!["name"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task A_filter_holding_a_noncharacter_is_refused_not_failed()
    {
        await Host.Get("/api/units?q=%EF%BF%BE").Expect(400);
        await Host.Get("/api/dashboards/annual/2020?province=Qu%E1%BA%A3ng%20Tr%E1%BB%8B&district=%EF%BF%BF")
            .Expect(400);
    }

    [Fact]
    public async Task A_code_with_a_line_break_after_it_is_no_code()
    {
        var answer = await Host.Post("/api/units",
            """{"code":"QT-STRICT\n","name":"Clone","level":"department","province":"Quảng Trị"}""").Expect(400);
        Assert.NotNull(answer.Json["errors"]!["code"]);
    }

    [Fact]
    public async Task A_body_without_a_type_is_refused_with_the_media_type_it_needs()
    {
        var answer = await Host.Send(null, [], s =>
        {
            s.Post.Url($"/api/units/{Code}/internal-audits");
            s.WithRequestHeader("X-Api-Key", Keys.Admin);
            s.ConfigureHttpContext(context =>
            {
                var body = Encoding.UTF8.GetBytes("""{"heldOn":"2020-06-01"}""");
                context.Request.ContentType = null;
                context.Request.ContentLength = body.Length;
                context.Request.Body = new MemoryStream(body);
            });
        });
        Assert.Equal(415, answer.Status);
        Assert.StartsWith(Http.ProblemJson, answer.ContentType);
        Assert.DoesNotContain("IsoLedger.", answer.Text);
    }

    [Fact]
    public async Task Field_names_are_read_in_their_case_only()
    {
        var answer = await Host.Post($"/api/units/{Code}/internal-audits", """{"HELDON":"2020-06-01"}""").Expect(400);
        Assert.NotNull(answer.Json["errors"]!["HELDON"]);
    }

    [Fact]
    public async Task A_state_is_judged_no_later_than_the_end_of_next_year()
    {
        var answer = await Host.Get("/api/dashboards/compliance?province=Qu%E1%BA%A3ng%20Tr%E1%BB%8B&asOf=9999-12-31")
            .Expect(400);
        Assert.NotNull(answer.Json["errors"]!["asOf"]);
        await Host.Get($"/api/units/{Code}/state?knownAt=9999-12-31T23:59:59Z").Expect(200);
    }

    /// <summary>RFC 3339 (5.6): "the "T" and "Z" characters in this syntax may alternatively be lower case".</summary>
    [Fact]
    public async Task A_timestamp_may_have_its_T_and_Z_in_lower_case()
    {
        var upper = await Host.Get($"/api/units/{Code}/state?knownAt=9999-12-31T23:59:59Z").Expect(200);
        var lower = await Host.Get($"/api/units/{Code}/state?knownAt=9999-12-31t23:59:59z").Expect(200);
        Assert.Equal(upper.Text, lower.Text);
        await Host.Get($"/api/units/{Code}/state?knownAt=9999-12-31x23:59:59z").Expect(400);
    }

    /// <summary>A day and time that exist, at an offset that takes the moment past year 9999 in UTC, is told so: it
    /// had been told to be an RFC 3339 timestamp, which it is.</summary>
    [Fact]
    public async Task A_moment_past_the_last_one_in_UTC_is_told_its_range()
    {
        var late = await Host.Get($"/api/units/{Code}/state?knownAt=9999-12-31T23:59:59-14:00").Expect(400);
        Assert.Contains("9999-12-31T23:59:59Z", (string?)late.Json["errors"]!["knownAt"]![0]);
        var early = await Host.Get($"/api/units/{Code}/state?knownAt=0001-01-01T00:00:00%2B01:00").Expect(400);
        Assert.Contains("0001-01-01T00:00:00Z", (string?)early.Json["errors"]!["knownAt"]![0]);
        var noDay = await Host.Get($"/api/units/{Code}/state?knownAt=2023-02-29T00:00:00Z").Expect(400);
        Assert.Contains("RFC 3339", (string?)noDay.Json["errors"]!["knownAt"]![0]);
    }

    /// <summary>PostgreSQL's timestamps with time zone take UTC only: a moment given at +07:00 had answered
    /// 500.</summary>
    [Fact]
    public async Task A_moment_given_at_another_offset_is_the_same_moment_in_UTC()
    {
        var utc = await Host.Get($"/api/units/{Code}/state?knownAt=9999-12-30T23:59:59Z").Expect(200);
        var vietnam = await Host.Get($"/api/units/{Code}/state?knownAt=9999-12-31T06:59:59%2B07:00").Expect(200);
        Assert.Equal(utc.Text, vietnam.Text);
    }

    [Fact]
    public async Task A_state_at_a_version_never_recorded_is_not_found()
    {
        var answer = await Host.Get($"/api/units/{Code}/state?version=999999999999", Keys.Auditor).Expect(404);
        Assert.Contains("never recorded", answer.Text);
        await Host.Get($"/api/units/{Code}/state?version=1", Keys.Auditor).Expect(200);
    }

    [Fact]
    public async Task A_table_sent_as_application_csv_is_read_as_CSV()
    {
        var csv = Encoding.UTF8.GetBytes("province,unit_code,unit_name,level,year,report_date\n");
        var answer = await Host.PostBytes("/api/imports?dryRun=true", csv, contentType: "application/csv");
        Assert.Equal(422, answer.Status);
        Assert.Contains("no rows", answer.Text);
    }

    [Fact]
    public async Task A_unit_is_not_its_own_parent()
    {
        var answer = await Host.Post("/api/units",
            """{"code":"QT-SELF","name":"Chi cục","level":"sub-department","province":"Quảng """
            + """Trị","parentCode":"QT-SELF"}""")
            .Expect(400);
        Assert.NotNull(answer.Json["errors"]!["parentCode"]);
        var row = "province,unit_code,unit_name,level,parent_code,year,report_date\n"
            + "Quảng Trị,QT-SELF,Chi cục,sub-department,QT-SELF,2020,2020-11-19\n";
        var import = await Host.PostBytes("/api/imports?dryRun=true", Encoding.UTF8.GetBytes(row)).Expect(422);
        Assert.Contains("own parent", import.Text);
    }
}
