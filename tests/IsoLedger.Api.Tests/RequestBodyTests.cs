using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Alba;
using FsCheck;
using FsCheck.Fluent;

namespace IsoLedger.Api.Tests;

/// <summary>Property-based, over every route that takes a JSON body: a body that is not the request object —
/// any JSON value at the root, a wrong type in any field, a number past Int32/Int64, a duplicate or unknown field,
/// deep nesting, invalid UTF-8, broken JSON — answers 400 problem+json whose <c>errors</c> name the field, and
/// records nothing.</summary>
public class RequestBodyTests(ApiFixture api) : IClassFixture<ApiFixture>, IAsyncLifetime
{
    private const string Unit = "QT-BODY";
    private const int Samples = 30;
    private IAlbaHost Host => api.Host;

    public async Task InitializeAsync()
    {
        if ((await Host.Get($"/api/units/{Unit}")).Status == 404) await Host.RegisterCommune(Unit);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>A hostile body and the field its problem must name (<c>body</c> for the body as a whole).</summary>
    public sealed record HostileBody(string Description, byte[] Bytes, string Field)
    {
        public override string ToString() => Description;
    }

    private static readonly Gen<string> RootValues =
        Gen.Elements("null", "[]", "[{}]", "0", "-1", "1e400", "\"text\"", "\"\"", "true", "false");

    private static readonly Gen<string> FieldNames = Gen.Elements("x", "extra", "heldon", "Code", "ghi_chu", "_", "ạ");

    /// <summary>JSON values of another kind than <paramref name="kind"/>, so that each one is a wrong type.</summary>
    private static Gen<string> WrongValues(JsonValueKind kind)
    {
        var values = new List<string> { "[]", "{}", "[1,2]", "{\"a\":{\"b\":1}}" };
        if (kind != JsonValueKind.String) values.AddRange(["\"x\"", "\"14\"", "\"\"", "\"2020-01-01\""]);
        if (kind != JsonValueKind.Number) values.AddRange(["0", "-1", "14", "1.5", "1e30"]);
        if (kind is not JsonValueKind.True and not JsonValueKind.False) values.AddRange(["true", "false"]);
        return Gen.Elements(values.ToArray());
    }

    private static string Replace(string validBody, string field, string rawValue)
    {
        var fields = JsonNode.Parse(validBody)!.AsObject().Select(p => p.Key == field
            ? $"\"{p.Key}\":{rawValue}"
            : $"\"{p.Key}\":{p.Value!.ToJsonString()}");
        return "{" + string.Join(",", fields) + "}";
    }

    private static Gen<HostileBody> HostileBodies(string validBody)
    {
        var body = JsonNode.Parse(validBody)!.AsObject();
        var fields = body.Select(p => (Name: p.Key, Kind: p.Value!.GetValueKind())).ToArray();
        var numbers = fields.Where(f => f.Kind == JsonValueKind.Number).Select(f => f.Name).ToArray();
        var texts = fields.Where(f => f.Kind == JsonValueKind.String).Select(f => f.Name).ToArray();
        HostileBody Text(string description, string json, string field) =>
            new(description, Encoding.UTF8.GetBytes(json), field);

        var generators = new List<Gen<HostileBody>>
        {
            RootValues.Select(value => Text($"the body {value}", value, "body")),
            Gen.Elements(fields).SelectMany(f => WrongValues(f.Kind).Select(value =>
                Text($"{f.Name}: {value}", Replace(validBody, f.Name, value), f.Name))),
            Gen.Elements(fields).Select(f => Text($"{f.Name} twice",
                validBody.TrimEnd('}') + $",\"{f.Name}\":{body[f.Name]!.ToJsonString()}}}", f.Name)),
            FieldNames.Select(name => Text($"unknown field {name}", validBody.TrimEnd('}') + $",\"{name}\":1}}", name)),
            Gen.Elements(fields).SelectMany(f => Gen.Choose(65, 3000).Select(depth =>
                Text($"{f.Name} nested {depth} deep",
                    Replace(validBody, f.Name, new string('[', depth) + new string(']', depth)), f.Name))),
            Gen.Choose(1, validBody.Length - 1).Select(n => Text($"cut after {n} characters", validBody[..n], "body")),
        };
        if (numbers.Length > 0)
        {
            generators.Add(Gen.Elements(numbers).SelectMany(name => Gen.Elements(
                    "2147483648", "-2147483649", "9223372036854775808", "99999999999999999999", "1e400", "14.5")
                .Select(value => Text($"{name}: {value}", Replace(validBody, name, value), name))));
        }
        if (texts.Length > 0)
        {
            generators.Add(Gen.Elements(texts).SelectMany(name =>
                Gen.Elements<byte[]>([0xff], [0xc3, 0x28], [0xed, 0xa0, 0x80])
                .Select(bad =>
                {
                    var json = Encoding.UTF8.GetBytes(Replace(validBody, name, "\"@\""));
                    var at = Array.IndexOf(json, (byte)'@');
                    return new HostileBody(
                        $"{name}: invalid UTF-8", [.. json[..at], .. bad, .. json[(at + 1)..]], name);
                })));
        }
        return Gen.OneOf(generators.ToArray());
    }

    public static TheoryData<string, string> Bodies()
    {
        var data = new TheoryData<string, string>
        {
            {
                "/api/units",
                """{"code":"QT-BODY-NEW","name":"UBND Xã Mới","level":"commune","province":"Quảng """
                + """Trị","district":"Hải Lăng","registeredOn":"2015-01-01"}"""
            },
        };
        foreach (var route in Routes.Commands) data.Add(route.For(Unit), route.ValidBody);
        data.Add("/api/restructurings",
            """{"decisionNo":"NQ 1","effectiveOn":"2025-07-01","parts":"""
            + """[{"kind":"rename","from":["QT-BODY"],"name":"X"}]}""");
        return data;
    }

    [Theory, MemberData(nameof(Bodies))]
    public async Task Every_body_that_is_not_the_request_object_gets_a_400_naming_the_field(
        string url, string validBody)
    {
        var before = (await Host.Get($"/api/units/{Unit}")).Header("ETag");
        foreach (var hostile in HostileBodies(validBody).Sample(Samples))
        {
            var answer = await Host.PostBytes(url, hostile.Bytes, "application/json");
            var request = $"POST {url} with {hostile}";
            Assert.True(answer.Status == 400, $"{request} answered {answer.Status}: {answer.Text}");
            Assert.StartsWith(Http.ProblemJson, answer.ContentType);
            var errors = answer.Json["errors"]?.AsObject();
            // The field itself, or a place inside it (parts[0].kind).
            Assert.True(errors?.Any(e => e.Key == hostile.Field || e.Key.StartsWith(hostile.Field + "[")
                    || e.Key.StartsWith(hostile.Field + ".")) == true,
                $"{request}: the errors do not name {hostile.Field}: {answer.Text}");
            Assert.DoesNotContain("IsoLedger.", answer.Text);
            Assert.DoesNotContain("System.", answer.Text);
        }
        Assert.Equal(before, (await Host.Get($"/api/units/{Unit}")).Header("ETag"));
        Assert.Equal(404, (await Host.Get("/api/units/QT-BODY-NEW")).Status);
    }

    /// <summary>The unit a merge goes into (one object) or the units a split forms (a list) are named where they
    /// stand: a field inside them had been named as if at the body's top ("code", "bogus") or by a raw path
    /// ("$[0].bogus"), and a bad value inside the one object as a list's first element ("into[0].code").</summary>
    [Theory]
    [InlineData("\"QT-BODY\"", "parts[0].into", "Must be an object or a list of objects.")]
    [InlineData("{\"code\":\"QT-BODY-TO\",\"bogus\":1}", "parts[0].into.bogus", "This field is not part")]
    [InlineData("[{\"code\":\"QT-BODY-TO\",\"bogus\":1}]", "parts[0].into[0].bogus", "This field is not part")]
    [InlineData("{\"code\":5}", "parts[0].into.code", "Must be a string.")]
    [InlineData("[{\"code\":5}]", "parts[0].into[0].code", "Must be a string.")]
    [InlineData("{\"code\":\"QT-BODY-TO\",\"level\":\"Commune\"}", "parts[0].into.level", "Must be one of")]
    [InlineData("[7]", "parts[0].into[0]", "Must be an object.")]
    [InlineData("{\"code\":\"no code!\"}", "parts[0].into.code", "Required; must match")]
    [InlineData("[{\"code\":\"no code!\"}]", "parts[0].into[0].code", "Required; must match")]
    public async Task A_field_inside_the_units_a_part_goes_into_is_named_where_it_stands(
        string into, string field, string told)
    {
        var answer = await Host.Post("/api/restructurings",
            $$"""{"decisionNo":"NQ 1","effectiveOn":"2021-01-01","parts":[{"kind":"merge","from":["QT-BODY"],"""
            + $$""" "into":{{into}}}]}""").Expect(400);

        var errors = answer.Json["errors"]!.AsObject();
        Assert.Equal([field], errors.Select(e => e.Key));
        Assert.StartsWith(told, (string?)errors[field]![0]);
    }

    /// <summary>A day the calendar lacks, written as asked, is told as no day, as a query's is: "Must be a date as
    /// YYYY-MM-DD" sent its sender looking for a typing mistake there was not. A day written otherwise is told how to
    /// write it.</summary>
    [Theory]
    [InlineData("/api/units/QT-BODY/internal-audits", """{"heldOn":"2024-02-30"}""", "heldOn",
        "'2024-02-30' is no day of the calendar: give one that is, as YYYY-MM-DD.")]
    [InlineData("/api/restructurings", """{"decisionNo":"NQ 1","effectiveOn":"2023-02-29","parts":[]}""",
        "effectiveOn", "'2023-02-29' is no day of the calendar: give one that is, as YYYY-MM-DD.")]
    [InlineData("/api/units/QT-BODY/internal-audits", """{"heldOn":"2024-2-3"}""", "heldOn",
        "Must be a date as YYYY-MM-DD.")]
    [InlineData("/api/units/QT-BODY/internal-audits", """{"heldOn":20240203}""", "heldOn",
        "Must be a date as YYYY-MM-DD.")]
    public async Task A_day_the_calendar_lacks_is_told_as_no_day(string route, string body, string field, string told)
    {
        var errors = (await Host.Post(route, body).Expect(400)).Json["errors"]!.AsObject();

        Assert.Equal([field], errors.Select(e => e.Key));
        Assert.Equal(told, (string?)errors[field]![0]);
    }
}
