using Alba;
using Microsoft.AspNetCore.Http;

namespace IsoLedger.Api.Tests;

/// <summary>A route takes the query parameters its OpenAPI description lists, named in their case, and a year in the
/// path written in digits: a mistyped parameter had been ignored (an <c>as_of</c> answered as of today) and a year
/// that is no number answered "nothing at this address".</summary>
public class QueryParameterTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private IAlbaHost Host => api.Host;

    [Theory]
    [InlineData("/api/dashboards/conversion?province=Kon+Tum&as_of=2016-01-01", "as_of", "asOf")]
    [InlineData("/api/dashboards/conversion?province=Kon+Tum&ASOF=2016-01-01", "ASOF", "Write it as asOf.")]
    [InlineData("/api/units?page_size=3", "page_size", "pageSize")]
    [InlineData("/api/vocabulary?lang=en", "lang", "no query parameters")]
    [InlineData("/api/units/QP-1/state?asof=2020-01-01", "asof", "Write it as asOf.")]
    public async Task A_parameter_the_route_does_not_take_is_refused_naming_it(
        string url, string parameter, string told)
    {
        var answer = await Host.Get(url, Keys.Viewer).Expect(400);

        Assert.Equal("application/problem+json", answer.ContentType);
        Assert.Contains(told, (string?)answer.Json["errors"]![parameter]![0]);
    }

    /// <summary>A day the calendar lacks, written as YYYY-MM-DD, is told as such: "Must be a date as YYYY-MM-DD" sent
    /// its sender looking for a mistake in how it was written.</summary>
    [Theory]
    [InlineData("/api/units/QP-1/state?asOf=2023-02-29", "2023-02-29")]
    [InlineData("/api/dashboards/national/2020?asOf=2020-04-31", "2020-04-31")]
    public async Task A_day_the_calendar_lacks_is_refused_as_no_day(string url, string day)
    {
        var answer = await Host.Get(url, Keys.Auditor).Expect(400);

        Assert.Equal($"'{day}' is no day of the calendar: give one that is, as YYYY-MM-DD.",
            (string?)answer.Json["errors"]!["asOf"]![0]);
    }

    /// <summary>A text filter percent-encoded in another encoding than UTF-8 was read as U+FFFD and answered an empty
    /// list, as if no unit had that name.</summary>
    [Theory]
    [InlineData("/api/units", "?q=%FF", "q")]
    [InlineData("/api/units", "?q=%C0%AF", "q")]
    [InlineData("/api/units", "?district=H%E0i+L%E3ng", "district")]
    [InlineData("/api/units", "?pageSize=5&q=%E0%80%80", "q")]
    [InlineData("/api/dashboards/compliance", "?province=Kon+Tum&district=%ED%A0%80", "district")]
    public async Task A_parameter_that_is_no_UTF_8_is_refused_naming_it(string path, string query, string parameter)
    {
        var answer = await Host.Send(Keys.Viewer, [], s =>
        {
            s.Get.Url(path);
            // As the server hands the query on, as sent (the test host's address would carry it re-encoded).
            s.ConfigureHttpContext(context => context.Request.QueryString = new QueryString(query));
        }).Expect(400);

        Assert.Equal("application/problem+json", answer.ContentType);
        Assert.StartsWith("Not UTF-8", (string?)answer.Json["errors"]![parameter]![0]);
    }

    /// <summary>A number beyond what the parameter takes is told its range, not "at least 0" it already is.</summary>
    [Theory]
    [InlineData("99999999999999999999")]
    [InlineData("-1")]
    public async Task An_event_position_out_of_range_is_told_the_range(string after)
    {
        var answer = await Host.Get($"/api/events?after={after}", Keys.Auditor).Expect(400);

        Assert.Equal("Must be a whole number from 0 to 9223372036854775807.",
            (string?)answer.Json["errors"]!["after"]![0]);
    }

    [Theory]
    [InlineData("/api/dashboards/national/abc")]
    [InlineData("/api/dashboards/national/2020.5")]
    [InlineData("/api/reports/summary/%2B2020?province=Kon+Tum")]
    [InlineData("/api/dashboards/annual/02020?province=Kon+Tum")]
    [InlineData("/api/dashboards/statistics/2147483648?province=Kon+Tum")]
    public async Task A_year_in_the_path_that_is_no_year_is_refused_naming_it(string url)
    {
        var answer = await Host.Get(url, Keys.Viewer).Expect(400);

        Assert.Contains("four digits", (string?)answer.Json["errors"]!["year"]![0]);
    }

    [Fact]
    public async Task A_yearly_step_s_year_is_checked_alike()
    {
        await Host.RegisterCommune("QP-Y", "2015-01-01");

        var answer = await Host.Post("/api/units/QP-Y/years/abc/report", """{"submittedOn":"2020-11-10"}""",
            Keys.Recorder).Expect(400);

        Assert.NotNull(answer.Json["errors"]!["year"]);
    }

    [Fact]
    public async Task The_parameters_a_route_lists_are_taken()
    {
        await Host.Get("/api/dashboards/conversion?province=Kon+Tum&asOf=2020-01-01&level=commune&consistent=true",
            Keys.Viewer).Expect(200);
        await Host.Get("/api/units?province=Kon+Tum&page=1&pageSize=5", Keys.Viewer).Expect(200);
    }

    [Fact]
    public async Task An_edition_filter_names_the_editions_and_takes_them_as_documents_write_them()
    {
        var unknown = await Host.Get("/api/units?standard=Zzz", Keys.Viewer).Expect(400);
        Assert.Contains("\"2015\"", (string?)unknown.Json["errors"]!["standard"]![0]);

        await Host.Get($"/api/units?standard={Uri.EscapeDataString("TCVN ISO 9001:2015")}", Keys.Viewer).Expect(200);
    }
}
