using System.Text.RegularExpressions;
using Alba;

namespace IsoLedger.Api.Tests;

/// <summary>What every command route does with good input, bad input, unknown units, stale versions and
/// retries.</summary>
public class CommandRouteTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private IAlbaHost Host => api.Host;

    private async Task<string> UnitReadyFor(CommandRoute route)
    {
        var code = $"QT-{Guid.NewGuid():N}"[..24];
        await Host.RegisterCommune(code);
        if (route.Path == "/merge")
        {
            await Host.Post("/api/units",
                """{"code":"QT-MERGE-TARGET","name":"UBND Xã Hải Định","level":"commune","province":"Quảng """
                + """Trị","registeredOn":"2015-01-01"}""");
        }
        foreach (var (path, body) in route.Given)
            await Host.Post($"/api/units/{code}{path}", body).Expect(path == "/nonconformities" ? 201 : 200);
        return code;
    }

    [Theory, MemberData(nameof(Routes.All), MemberType = typeof(Routes))]
    public async Task Records_its_event_and_answers_the_new_version(CommandRoute route)
    {
        var code = await UnitReadyFor(route);
        var before = (long)(await Host.Get($"/api/units/{code}").Expect(200)).Json["version"]!;

        var answer = await Host.Post(route.For(code), route.ValidBody);

        Assert.Contains(answer.Status, new[] { 200, 201 });
        Assert.Equal(before + 1, (long)answer.Json["version"]!);
        Assert.Equal($"\"{before + 1}\"", answer.Header("ETag"));
        Assert.Equal(code, (string?)answer.Json["code"]);
        var history = (await Host.Get($"/api/units/{code}/history").Expect(200)).Json.AsArray();
        Assert.Equal(before + 1, history.Count);
    }

    [Theory, MemberData(nameof(Routes.All), MemberType = typeof(Routes))]
    public async Task Names_each_invalid_field_and_records_nothing(CommandRoute route)
    {
        var code = await UnitReadyFor(route);
        var before = (await Host.Get($"/api/units/{code}").Expect(200)).Json["version"]!.ToJsonString();

        var answer = await Host.Post(route.For(code), route.InvalidBody).Expect(400);

        var errors = answer.Json["errors"]!.AsObject();
        foreach (var field in route.InvalidFields)
            Assert.True(errors.ContainsKey(field), $"{field} not named in {errors.ToJsonString()}");
        Assert.Equal(before, (await Host.Get($"/api/units/{code}").Expect(200)).Json["version"]!.ToJsonString());
    }

    [Theory, MemberData(nameof(Routes.All), MemberType = typeof(Routes))]
    public async Task Refuses_unreadable_json(CommandRoute route) =>
        await Host.Post(route.For("QT-ANY"), """{"unclosed": """).Expect(400);

    [Theory, MemberData(nameof(Routes.All), MemberType = typeof(Routes))]
    public async Task Answers_not_found_for_an_unknown_unit(CommandRoute route)
    {
        var answer = await Host.Post(route.For("QT-NOBODY"), route.ValidBody).Expect(404);
        Assert.Contains("QT-NOBODY", (string?)answer.Json["detail"]);
    }

    [Theory, MemberData(nameof(Routes.All), MemberType = typeof(Routes))]
    public async Task Refuses_a_stale_If_Match_and_accepts_the_current_one(CommandRoute route)
    {
        var code = await UnitReadyFor(route);
        var read = await Host.Get($"/api/units/{code}").Expect(200);
        var current = read.Header("ETag")!;
        var stale = $"\"{(long)read.Json["version"]! - 1}\"";

        var refused = await Host.Post(route.For(code), route.ValidBody, Keys.Admin, ("If-Match", stale)).Expect(412);
        Assert.Equal("urn:isoledger:problem:stale-version", refused.ProblemType);

        var accepted = await Host.Post(route.For(code), route.ValidBody, Keys.Admin, ("If-Match", current));
        Assert.Contains(accepted.Status, new[] { 200, 201 });
    }

    [Theory, MemberData(nameof(Routes.All), MemberType = typeof(Routes))]
    public async Task Answers_a_repeat_with_the_same_idempotency_key_without_recording_again(CommandRoute route)
    {
        var code = await UnitReadyFor(route);
        var key = ("Idempotency-Key", Guid.NewGuid().ToString());

        var first = await Host.Post(route.For(code), route.ValidBody, Keys.Admin, key);
        var repeat = await Host.Post(route.For(code), route.ValidBody, Keys.Admin, key);
        var otherBody = Regex.Replace(route.ValidBody, @"(\d{4}-\d{2}-)\d{2}", "${1}11");
        var other = await Host.Post(route.For(code), otherBody, Keys.Admin, key).Expect(422);

        Assert.Contains(first.Status, new[] { 200, 201 });
        Assert.Equal(first.Status, repeat.Status);
        Assert.Equal(first.Json.ToJsonString(), repeat.Json.ToJsonString());
        Assert.Equal(first.Header("ETag"), repeat.Header("ETag"));
        Assert.Equal("urn:isoledger:problem:idempotency-key-reused", other.ProblemType);
        var history = (await Host.Get($"/api/units/{code}/history").Expect(200)).Json.AsArray();
        Assert.Equal((long)first.Json["version"]!, history.Count);
    }
}
