using Alba;

namespace IsoLedger.Api.Tests;

/// <summary>Invariants reject with 409 naming the rule; compliance rules record the fact and warn.</summary>
public class RuleTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private IAlbaHost Host => api.Host;

    private async Task<string> Commune(params (string Path, string Body)[] steps)
    {
        var code = $"QT-{Guid.NewGuid():N}"[..24];
        await Host.RegisterCommune(code);
        foreach (var (path, body) in steps)
        {
            var answer = await Host.Post($"/api/units/{code}{path}", body);
            Assert.True(answer.Status is 200 or 201, $"{path}: {answer.Body?.ToJsonString()}");
        }
        return code;
    }

    private const string Documentation2015 =
        """{"issuedOn":"2015-03-01","standard":"2008","qualityManual":true,"qualityPolicy":"""
        + """true,"qualityObjectives":true,"mandatoryProcedures":6,"internalProcedures":3,"businessProcedures":"""
        + """107,"administrativeProcedures":107}""";
    private static readonly (string, string)[] Prepared2015 =
    [
        ("/documentation", Documentation2015),
        ("/internal-audits", """{"heldOn":"2015-06-01"}"""),
        ("/management-reviews", """{"heldOn":"2015-07-01"}"""),
    ];
    private static readonly (string, string) Declared2008 =
        ("/declarations", """{"declaredOn":"2015-09-01","standard":"2008"}""");
    private static readonly (string, string) Nc = ("/nonconformities",
        """{"raisedOn":"2016-06-01","source":"inspection","description":"x","severity":"major","""
        + """
            "dueOn":"2016-07-01"}
            """);
    private static readonly (string, string) Action =
        ("/nonconformities/NC-1/corrective-action", """{"takenOn":"2016-06-10","rootCause":"c","action":"a"}""");
    private static readonly (string, string) Closed =
        ("/nonconformities/NC-1/close", """{"closedOn":"2016-06-20","effective":true}""");

    private async Task Rejects(string code, string path, string body, string rule)
    {
        var before = (await Host.Get($"/api/units/{code}/history").Expect(200)).Json.AsArray().Count;
        var answer = await Host.Post($"/api/units/{code}{path}", body).Expect(409);
        Assert.Equal($"urn:isoledger:rule:{rule}", answer.ProblemType);
        Assert.Equal(rule, (string?)answer.Json["rule"]);
        Assert.False(string.IsNullOrWhiteSpace((string?)answer.Json["detail"]));
        Assert.Equal(before, (await Host.Get($"/api/units/{code}/history").Expect(200)).Json.AsArray().Count);
    }

    [Fact]
    public async Task Future_business_dates_are_rejected() =>
        await Rejects(await Commune(), "/internal-audits", """{"heldOn":"2999-01-01"}""", "future-business-date");

    [Fact]
    public async Task Closing_a_nonconformity_that_does_not_exist_is_rejected() =>
        await Rejects(await Commune(), "/nonconformities/NC-7/close",
            """{"closedOn":"2016-06-20","effective":true}""", "nonconformity-not-found");

    /// <summary>An id of no nonconformity's shape is a malformed path, refused naming it (with the body's own errors)
    /// as an obligation's is: no unit gives such an id, so "not found" would send the client looking for it.</summary>
    [Theory]
    [InlineData("/close", """{"closedOn":"2016-06-20","effective":true}""")]
    [InlineData("/corrective-action", """{"takenOn":"2016-06-10","rootCause":"c","action":"a"}""")]
    public async Task An_id_of_no_nonconformitys_shape_is_refused_naming_it(string step, string body)
    {
        var code = await Commune(Nc);
        var before = (await Host.Get($"/api/units/{code}/history").Expect(200)).Json.AsArray().Count;
        foreach (var id in new[] { "bad", "nc-1", "NC-01", "NC-0", "NC-1%0A" })
        {
            var answer = await Host.Post($"/api/units/{code}/nonconformities/{id}{step}", body).Expect(400);
            Assert.Contains("^NC-[1-9][0-9]*$", (string?)answer.Json["errors"]!["id"]![0]);
        }
        var both = await Host.Post($"/api/units/{code}/nonconformities/bad{step}", "{}").Expect(400);
        Assert.True(both.Json["errors"]!.AsObject().Count > 1, both.Text);
        Assert.Equal(before, (await Host.Get($"/api/units/{code}/history").Expect(200)).Json.AsArray().Count);
    }

    [Fact]
    public async Task Closing_without_a_corrective_action_is_rejected() =>
        await Rejects(await Commune(Nc), "/nonconformities/NC-1/close",
            """{"closedOn":"2016-06-20","effective":true}""", "nonconformity-without-corrective-action");

    [Fact]
    public async Task Closing_with_an_ineffective_verdict_is_rejected() =>
        await Rejects(await Commune(Nc, Action), "/nonconformities/NC-1/close",
            """{"closedOn":"2016-06-20","effective":false}""", "corrective-action-not-effective");

    [Fact]
    public async Task Closing_twice_is_rejected() =>
        await Rejects(await Commune(Nc, Action, Closed), "/nonconformities/NC-1/close",
            """{"closedOn":"2016-06-21","effective":true}""", "nonconformity-already-closed");

    [Fact]
    public async Task Acting_on_a_nonconformity_before_it_was_raised_is_rejected() =>
        await Rejects(await Commune(Nc), "/nonconformities/NC-1/corrective-action",
            """{"takenOn":"2016-05-01","rootCause":"c","action":"a"}""", "date-before-preceding-step");

    [Fact]
    public async Task Converting_a_unit_not_declared_on_an_older_edition_is_rejected()
    {
        await Rejects(await Commune(), "/conversion/complete",
            """{"convertedOn":"2019-06-10"}""", "conversion-without-declaration");
        await Rejects(await Commune(("/declarations", """{"declaredOn":"2018-09-01","standard":"2015"}""")),
            "/conversion/start", """{"startedOn":"2019-06-10"}""", "conversion-target-not-later");
    }

    [Fact]
    public async Task Converting_twice_is_rejected()
    {
        var code = await Commune(Declared2008, ("/conversion/complete", """{"convertedOn":"2019-06-10"}"""));
        await Rejects(code, "/conversion/complete", """{"convertedOn":"2019-07-10"}""", "conversion-already-done");
        await Rejects(code, "/conversion/start", """{"startedOn":"2019-07-10"}""", "conversion-already-done");
        await Rejects(await Commune(Declared2008, ("/conversion/start", """{"startedOn":"2019-01-10"}""")),
            "/conversion/start", """{"startedOn":"2019-02-10"}""", "conversion-already-started");
    }

    [Fact]
    public async Task Declaring_on_2008_after_converting_is_rejected() =>
        await Rejects(await Commune(Declared2008, ("/conversion/complete", """{"convertedOn":"2019-06-10"}""")),
            "/declarations", """{"declaredOn":"2020-01-10","standard":"2008"}""", "standard-downgrade");

    [Fact]
    public async Task Recording_on_a_merged_unit_after_its_merge_is_rejected_but_earlier_facts_are_not()
    {
        var target = await Commune();
        var code = await Commune(("/merge", $$"""{"mergedOn":"2025-07-01","intoCode":"{{target}}"}"""));
        await Rejects(code, "/internal-audits", """{"heldOn":"2025-07-02"}""", "unit-merged");
        await Rejects(code, "/merge", $$"""{"mergedOn":"2025-07-01","intoCode":"{{target}}"}""", "predecessor-ended");
        await Rejects(code, "/merge", $$"""{"mergedOn":"2025-06-01","intoCode":"{{target}}"}""",
            "predecessor-has-later-facts");
        await Host.Post($"/api/units/{code}/internal-audits", """{"heldOn":"2025-06-30"}""").Expect(200);

        var status = (await Host.Get($"/api/units/{code}").Expect(200)).Json;
        Assert.Equal(target, (string?)status["mergedInto"]!["intoCode"]);
    }

    [Fact]
    public async Task Merging_into_a_unit_that_does_not_exist_or_into_itself_is_rejected()
    {
        var code = await Commune();
        await Rejects(code, "/merge", """{"mergedOn":"2025-07-01","intoCode":"QT-NOWHERE"}""", "unit-not-registered");
        await Rejects(code, "/merge", $$"""{"mergedOn":"2025-07-01","intoCode":"{{code}}"}""", "restructuring-cycle");
    }

    private async Task<Answer> Records(string code, string path, string body)
    {
        var answer = await Host.Post($"/api/units/{code}{path}", body);
        Assert.True(answer.Status is 200 or 201, answer.Body?.ToJsonString());
        return answer;
    }

    private async Task<IEnumerable<string>> Flags(string code) =>
        (await Host.Get($"/api/units/{code}").Expect(200)).Json["flags"]!.AsArray().Select(f => (string)f!["rule"]!);

    [Fact]
    public async Task A_declaration_without_prerequisites_is_recorded_with_a_warning_and_flagged()
    {
        var code = await Commune();
        var answer = await Records(code, "/declarations", """{"declaredOn":"2015-09-01","standard":"2008"}""");
        Assert.Contains("declaration-prerequisites", answer.WarningRules());
        Assert.Contains("declaration-prerequisites", await Flags(code));

        var prepared = await Commune(Prepared2015);
        Assert.DoesNotContain("declaration-prerequisites", (await Records(
            prepared, "/declarations", """{"declaredOn":"2015-09-01","standard":"2008"}""")).WarningRules());
    }

    [Fact]
    public async Task A_new_system_on_2008_after_21_Feb_2018_is_recorded_with_a_warning() =>
        Assert.Contains("new-system-on-required-edition", (await Records(
            await Commune(), "/documentation", Documentation2015.Replace("2015-03-01", "2018-03-01"))).WarningRules());

    [Fact]
    public async Task A_unit_still_on_2008_after_the_deadline_is_warned_and_flagged()
    {
        var code = await Commune([.. Prepared2015, Declared2008]);
        Assert.Contains("conversion-deadline",
            (await Records(code, "/internal-audits", """{"heldOn":"2021-07-01"}""")).WarningRules());
        Assert.Contains("conversion-deadline", await Flags(code));
        // The edition it is about by the names people read, and the act that set the deadline, on the unit and in the
        // province's flags: the dashboard had written "2015" and no act.
        var flag = (await Host.Get($"/api/units/{code}").Expect(200)).Json["flags"]!.AsArray()
            .Single(f => (string?)f!["rule"] == "conversion-deadline")!;
        Assert.Equal(("2015", "2015", "TCVN ISO 9001:2015"), ((string?)flag["subject"],
            (string?)flag["edition"]!["value"], (string?)flag["edition"]!["vi"]));
        var act = (string?)flag["basis"]!["legalAct"];
        Assert.False(string.IsNullOrWhiteSpace(act));
        var flags = (await Host.Get($"/api/dashboards/compliance?province={Uri.EscapeDataString("Quảng Trị")}"
            + "&consistent=true").Expect(200)).Json["data"]!["flags"]!.AsArray();
        var listed = flags.Single(f => (string?)f!["code"] == code && (string?)f["rule"] == "conversion-deadline")!;
        Assert.Equal(("ISO 9001:2015", act), ((string?)listed["edition"]!["en"], (string?)listed["legalAct"]));
        Assert.DoesNotContain("conversion-deadline", (await Records(
            await Commune([.. Prepared2015, Declared2008]), "/internal-audits", """{"heldOn":"2021-06-30"}"""))
            .WarningRules());
    }

    [Fact]
    public async Task A_scope_change_warns_until_a_new_declaration()
    {
        var code = await Commune([.. Prepared2015, Declared2008]);
        Assert.Contains("scope-change-redeclaration", (await Records(
            code, "/scope-changes", """{"changedOn":"2017-03-01","description":"Thêm 5 TTHC"}""")).WarningRules());
        Assert.Contains("scope-change-redeclaration", await Flags(code));
        Assert.DoesNotContain("scope-change-redeclaration", (await Records(
            code, "/declarations", """{"declaredOn":"2017-04-01","standard":"2008"}""")).WarningRules());
        Assert.DoesNotContain("scope-change-redeclaration", await Flags(code));
    }

    [Fact]
    public async Task A_nonconformity_open_past_its_due_date_warns_and_is_flagged()
    {
        var code = await Commune(Nc);
        Assert.Contains("nonconformity-overdue",
            (await Records(code, "/management-reviews", """{"heldOn":"2016-07-02"}""")).WarningRules());
        var flag = (await Host.Get($"/api/units/{code}").Expect(200)).Json["flags"]!.AsArray()
            .Single(f => (string)f!["rule"]! == "nonconformity-overdue")!;
        Assert.Equal("NC-1", (string?)flag["subject"]);
        Assert.Equal("2016-07-02", (string?)flag["since"]);
        // Judged, as every flag, by the rule book's entry in force on the day it is about (its due date).
        Assert.Equal(("close-nonconformities-2014", "QĐ 19/2014/QĐ-TTg; TT 26/2014/TT-BKHCN"),
            ((string?)flag["basis"]?["id"], (string?)flag["basis"]?["legalAct"]));
        await Records(code, Action.Item1, Action.Item2);
        Assert.Contains("nonconformity-overdue",
            (await Records(code, Closed.Item1, """{"closedOn":"2016-08-01","effective":true}""")).WarningRules());
        Assert.DoesNotContain("nonconformity-overdue", await Flags(code));
    }

    [Fact]
    public async Task Missing_yearly_audits_and_reviews_are_flagged_once_the_year_has_ended()
    {
        var code = await Commune([.. Prepared2015, Declared2008]);
        var flags = (await Host.Get($"/api/units/{code}").Expect(200)).Json["flags"]!.AsArray();
        Assert.Contains(flags, f => (string)f!["rule"]! == "yearly-internal-audit" && (string)f["subject"]! == "2016");
        Assert.DoesNotContain(flags,
            f => (string)f!["rule"]! == "yearly-internal-audit" && (string)f["subject"]! == "2015");
    }
}
