using System.Text;
using Alba;

namespace IsoLedger.Api.Tests;

/// <summary>The media types a request names and accepts: a body is application/json (its type named in any letter
/// case) and nothing else that merely ends in "+json"; an upload is CSV in any letter case; and every answer is JSON,
/// every refusal application/problem+json, whatever the client's Accept header lists.</summary>
public class MediaTypeTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private IAlbaHost Host => api.Host;

    private Task<Answer> PostAudit(string code, string heldOn, string contentType, string? accept = null) =>
        Host.Send(Keys.Recorder, [], s =>
        {
            s.Post.ByteArray(Encoding.UTF8.GetBytes($$"""{"heldOn":"{{heldOn}}"}"""))
                .ToUrl($"/api/units/{code}/internal-audits");
            s.WithRequestHeader("Content-Type", contentType);
            if (accept is not null) s.WithRequestHeader("Accept", accept);
        });

    private async Task<int> Audits(string code) =>
        (await Host.Get($"/api/units/{code}/history", Keys.Auditor).Expect(200)).Json.AsArray()
        .Count(e => (string?)e!["type"] == "InternalAuditHeld");

    [Theory]
    [InlineData("MT-UPPER", "APPLICATION/JSON")]
    [InlineData("MT-MIXED", "Application/Json; charset=UTF-8")]
    public async Task A_body_named_application_json_in_any_letter_case_is_read(string code, string contentType)
    {
        await Host.RegisterCommune(code);

        await PostAudit(code, "2020-06-10", contentType).Expect(200);

        Assert.Equal(1, await Audits(code));
    }

    [Theory]
    [InlineData("MT-MERGE", "application/merge-patch+json")]
    [InlineData("MT-PROBLEM", "application/problem+json")]
    [InlineData("MT-VENDOR", "application/vnd.api+json")]
    [InlineData("MT-LIST", "application/json, text/plain")]
    public async Task A_body_of_another_json_type_is_refused_and_records_nothing(string code, string contentType)
    {
        await Host.RegisterCommune(code);

        var refused = await PostAudit(code, "2020-06-10", contentType).Expect(415);

        Assert.Contains("application/json", (string?)refused.Json["detail"]);
        Assert.Equal(0, await Audits(code));
    }

    [Theory]
    [InlineData("MT-CSV", "text/csv")]
    [InlineData("MT-HTML", "text/html")]
    [InlineData("MT-XML", "application/xml")]
    public async Task A_command_answers_json_whatever_the_client_accepts(string code, string accept)
    {
        await Host.RegisterCommune(code);

        var recorded = await PostAudit(code, "2020-06-10", "application/json", accept).Expect(200);

        Assert.StartsWith("application/json", recorded.ContentType);
        Assert.Equal(1, await Audits(code));
    }

    [Theory]
    [InlineData("text/csv")]
    [InlineData("text/html")]
    public async Task A_refusal_is_a_problem_whatever_the_client_accepts(string accept)
    {
        async Task<Answer> Get(string url, string? key) =>
            await Host.Send(key, [("Accept", accept)], s => s.Get.Url(url));

        foreach (var (answer, status) in new[]
                 {
                     (await Get("/api/units", null), 401),
                     (await Get("/api/events", Keys.Viewer), 403),
                     (await Get("/api/no-such-address", Keys.Viewer), 404),
                     (await Get("/api/units?page=0", Keys.Viewer), 400),
                 })
        {
            Assert.Equal(status, answer.Status);
            Assert.StartsWith(Http.ProblemJson, answer.ContentType);
            Assert.NotNull(answer.Json["detail"] ?? answer.Json["errors"]);
            Assert.NotNull(answer.Json["traceId"]);
        }
    }

    [Theory]
    [InlineData("TEXT/CSV")]
    [InlineData("Application/CSV")]
    public async Task An_upload_named_csv_in_any_letter_case_is_read(string contentType)
    {
        var checkedFile = await Host.PostBytes("/api/imports?dryRun=true",
            Encoding.UTF8.GetBytes("province,unit_code,unit_name,level,year,report_date,declared\n"), contentType);

        Assert.NotEqual(415, checkedFile.Status);
    }

    [Theory]
    [InlineData("/api/imports")]
    [InlineData("/api/restructurings/import")]
    public async Task An_upload_documents_every_type_it_takes(string path)
    {
        var document = (await Host.Get("/openapi/v1.json", key: null).Expect(200)).Json;
        var content = document["paths"]![path]!["post"]!["requestBody"]!["content"]!.AsObject();

        Assert.Equal(
            [
                "text/csv", "application/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                "application/octet-stream",
            ],
            content.Select(c => c.Key));
        Assert.Equal([null, null, "binary", "binary"], content.Select(c => (string?)c.Value!["schema"]!["format"]));
    }

    /// <summary>An upload of another type — a browser's form (multipart), plain text, an <c>.xls</c>'s type — is told
    /// the types the route takes: it was told "Send the body as application/json", which an import does not take.
    /// </summary>
    [Theory]
    [InlineData("/api/imports", "multipart/form-data; boundary=x")]
    [InlineData("/api/imports", "text/plain")]
    [InlineData("/api/restructurings/import", "application/vnd.ms-excel")]
    public async Task An_upload_of_another_type_is_told_the_types_its_route_takes(string path, string contentType)
    {
        var refused = await Host.PostBytes(path, Encoding.UTF8.GetBytes("decision_no\n"), contentType);

        Assert.Equal(415, refused.Status);
        var detail = (string?)refused.Json["detail"];
        Assert.DoesNotContain("application/json", detail);
        Assert.Contains("text/csv", detail);
        Assert.Contains("application/octet-stream", detail);
        Assert.Contains(contentType, detail);
    }

    /// <summary>A client is told what it lacks in the order it can mend it: a key first (401 with its challenge), then
    /// the role (403), and only then the body's type or encoding (415). Routing answered 415 to a client sending no
    /// key, or a wrong one, which learnt only after fixing its body that it could not send it at all.</summary>
    [Theory]
    [InlineData("/api/units/MT-ORDER/internal-audits", "text/plain", null, null, 401)]
    [InlineData("/api/units/MT-ORDER/internal-audits", "text/plain", null, "not-a-key", 401)]
    [InlineData("/api/units/MT-ORDER/internal-audits", "application/json", "gzip", null, 401)]
    [InlineData("/api/units/MT-ORDER/internal-audits", "text/plain", null, Keys.Viewer, 403)]
    [InlineData("/api/units/MT-ORDER/internal-audits", "application/json; charset=latin1", null, Keys.Viewer, 403)]
    [InlineData("/api/imports", "text/plain", null, null, 401)]
    [InlineData("/api/imports", "multipart/form-data; boundary=x", null, Keys.Recorder, 403)]
    [InlineData("/api/restructurings/import", "application/json", null, Keys.Viewer, 403)]
    public async Task A_key_and_its_role_are_judged_before_the_body_type(
        string url, string contentType, string? encoding, string? key, int status)
    {
        var answer = await Host.Send(key, [], s =>
        {
            s.Post.ByteArray(Encoding.UTF8.GetBytes("""{"heldOn":"2020-06-10"}""")).ToUrl(url);
            s.WithRequestHeader("Content-Type", contentType);
            if (encoding is not null) s.WithRequestHeader("Content-Encoding", encoding);
        }).Expect(status);

        Assert.Equal(status == 401, answer.Header("WWW-Authenticate") is not null);
        Assert.NotNull(answer.Json["detail"]);
    }

    /// <summary>Once the key may send it, a body of another type is refused as before: the problem names the types
    /// the route takes and the one sent.</summary>
    [Theory]
    [InlineData("/api/units/MT-ORDER/internal-audits", Keys.Recorder, "application/json")]
    [InlineData("/api/imports", Keys.Admin, "text/csv, application/csv")]
    public async Task A_key_that_may_send_the_body_is_told_its_type_is_not_taken(
        string url, string key, string named)
    {
        var refused = await Host.PostBytes(url, "x"u8.ToArray(), "text/plain", key).Expect(415);

        Assert.Equal("Unsupported Media Type", (string?)refused.Json["title"]);
        Assert.Contains(named, (string?)refused.Json["detail"]);
        Assert.Contains("'text/plain' is not accepted", (string?)refused.Json["detail"]);
    }
}
