using Alba;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace IsoLedger.Api.Tests;

/// <summary>Property-based: any mix of commands on a few units — accepted, breaking rules, with stale or current
/// If-Match, with idempotency keys repeated or reused with another body — written as one batch answers and records
/// exactly what it does when the same commands are sent one after another.</summary>
public class GroupCommitPropertyTests(OneWriterFixture api) : IClassFixture<OneWriterFixture>
{
    private static int cases;
    private IAlbaHost Host => api.Host;

    /// <summary>One command: on which of three units, which kind, the If-Match version if any,
    /// the key if any.</summary>
    public sealed record Command(int Unit, int Kind, int? IfMatch, int? Key);

    private static readonly (string Path, string Body)[] Kinds =
    [
        ("/internal-audits", """{"heldOn":"2016-06-01"}"""),
        ("/internal-audits", """{"heldOn":"2016-06-02"}"""),
        ("/nonconformities",
            """{"raisedOn":"2016-06-10","source":"internal-audit","description":"Hồ sơ trễ hạn","severity":"minor"}"""),
        ("/nonconformities/NC-1/corrective-action", """{"takenOn":"2016-06-12","rootCause":"c","action":"a"}"""),
        ("/nonconformities/NC-1/close", """{"closedOn":"2016-06-20","effective":true}"""),
        ("/declarations", """{"declaredOn":"2015-09-01","standard":"2008"}"""),
        ("/conversion/start", """{"startedOn":"2019-01-10"}"""),
    ];

    private static readonly Gen<Command> Commands =
        from unit in Gen.Choose(0, 2)
        from kind in Gen.Choose(0, Kinds.Length - 1)
        from ifMatch in Gen.Frequency((3, Gen.Constant((int?)null)), (1, Gen.Choose(1, 4).Select(v => (int?)v)))
        from key in Gen.Frequency((3, Gen.Constant((int?)null)), (1, Gen.Choose(0, 2).Select(k => (int?)k)))
        select new Command(unit, kind, ifMatch, key);

    private static readonly Arbitrary<Command[]> Scripts =
        Commands.ArrayOf().Where(c => c.Length is > 0 and <= 12).ToArbitrary();

    [Property(MaxTest = 30)]
    public Property A_batch_answers_and_records_what_the_same_commands_sent_one_by_one_do() =>
        // Off the test's synchronisation context, so that waiting for the requests cannot block their continuations.
        Prop.ForAll(Scripts, script => Task.Run(() => Check(script)).GetAwaiter().GetResult());

    private async Task Check(Command[] script)
    {
        var run = Interlocked.Increment(ref cases);
        string Unit(string mode, int unit) => $"GP-{run}-{mode}-{unit}";
        foreach (var mode in new[] { "B", "S" })
            for (var unit = 0; unit < 3; unit++) await Host.RegisterCommune(Unit(mode, unit));
        await Host.RegisterCommune($"GP-{run}-HOLD");

        Func<Task<Answer>> Send(string mode, Command command)
        {
            var (path, body) = Kinds[command.Kind];
            var headers = new List<(string, string)>();
            if (command.IfMatch is { } version) headers.Add(("If-Match", $"\"{version}\""));
            if (command.Key is { } key) headers.Add(("Idempotency-Key", $"gp-{run}-{mode}-{key}"));
            return () => Host.Post($"/api/units/{Unit(mode, command.Unit)}{path}", body, Keys.Admin, [.. headers]);
        }

        var batched = await Batch.Of(api, Host, $"GP-{run}-HOLD", [.. script.Select(c => Send("B", c))]);
        var oneByOne = new List<Answer>();
        foreach (var command in script) oneByOne.Add(await Send("S", command)());

        Assert.Equal(oneByOne.Select(Outcome), batched.Select(Outcome));
        for (var unit = 0; unit < 3; unit++)
            Assert.Equal(await History(Unit("S", unit)), await History(Unit("B", unit)));
    }

    private static string Outcome(Answer answer) =>
        answer.Status < 300 ? $"{answer.Status} v{answer.Json["version"]}" : $"{answer.Status} {answer.ProblemType}";

    private async Task<string[]> History(string code) =>
        [.. (await Host.Get($"/api/units/{code}/history").Expect(200)).Json.AsArray().Select(e => $"{e!["type"]}")];
}
