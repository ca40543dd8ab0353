using IsoLedger.Domain;
using IsoLedger.Domain.LegalBasis;
using IsoLedger.Domain.Units;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace IsoLedger.Api.Hosting;

/// <summary>Collects field errors of a request; <see cref="Result"/> is what a Wolverine <c>Validate</c> method
/// returns.</summary>
public sealed class Validation
{
    public const int MaxText = 2000;

    /// <summary>The longest name a request or a table row may give: of a unit, a province, a district, a decision.
    /// </summary>
    public const int MaxName = 500;
    /// <summary>The largest count a request may give (of procedures, of members).</summary>
    public const int MaxCount = 100_000;

    public static readonly DateOnly EarliestDate = new(2000, 1, 1);

    private readonly Dictionary<string, string[]> errors = [];

    public ProblemDetails Result => errors.Count == 0 ? WolverineContinue.NoProblems : Problems.Invalid(errors);

    public Validation Add(string field, string error)
    {
        errors[field] = [.. errors.GetValueOrDefault(field, []), error];
        return this;
    }

    /// <summary>A business date: required unless <paramref name="required"/> is false, on or after 2000-01-01.
    /// </summary>
    public Validation Date(string field, DateOnly? value, bool required = true)
    {
        if (value is null) return required ? Add(field, "Required: a date as YYYY-MM-DD.") : this;
        return value < EarliestDate ? Add(field, $"Must be on or after {EarliestDate:yyyy-MM-dd}.") : this;
    }

    /// <summary>An edition the rule book knows.</summary>
    public Validation Edition(string field, Edition? value, RuleBook rules, bool required = true)
    {
        if (value is null) return required ? Add(field, "Required: an edition, such as \"2015\".") : this;
        return rules.Knows(value.Value) ? this : Add(field,
            $"Unknown edition; the rule book has {string.Join(", ", rules.Editions.Select(e => $"\"{e.Edition}\""))}.");
    }

    public Validation Text(string field, string? value, bool required = false, int max = MaxText)
    {
        if (value is null) return required ? Add(field, "Required.") : this;
        if (UnicodeText.Characters(value) > max) return Add(field, $"Must be at most {max} characters.");
        return TextProblem(value) is { } problem ? Add(field, problem) : this;
    }

    /// <summary>What a text holding a character that is no text is told (<see cref="UnicodeText.FirstNotText"/>).
    /// </summary>
    public const string NotText =
        "Must not contain characters that are not text (Unicode noncharacters or broken surrogate pairs).";

    /// <summary>Why <paramref name="value"/> is not text a person wrote, or null when it is: blank (nothing but spaces
    /// and invisible formatting characters), or holding a character that is no text at all — a control character
    /// other than the tab and the line breaks people type, a Unicode noncharacter (which .NET cannot normalise and a
    /// spreadsheet cannot hold), half of a surrogate pair, or a bidirectional override, which makes a name display
    /// as something other than what it is.</summary>
    public static string? TextProblem(string value)
    {
        if (UnicodeText.IsBlank(value)) return "Must not be blank.";
        if (value.Any(c => char.IsControl(c) && c is not '\n' and not '\r' and not '\t'))
            return "Must not contain control characters.";
        if (UnicodeText.FirstNotText(value) >= 0) return NotText;
        if (value.Any(UnicodeText.IsBidiControl))
            return "Must not contain bidirectional overrides or isolates.";
        return null;
    }

    public Validation Count(string field, int? value, bool required = true, int max = MaxCount)
    {
        if (value is null) return required ? Add(field, "Required: a whole number.") : this;
        return value < 0 || value > max ? Add(field, $"Must be between 0 and {max}.") : this;
    }

    public Validation Check(string field, bool valid, string error) => valid ? this : Add(field, error);

    /// <summary>The id a write's route names (<paramref name="field"/>), which <paramref name="wellFormed"/> says has
    /// the shape <paramref name="pattern"/> of the ids it can name (<paramref name="whose"/>). No entry bears an id of
    /// another shape: the path is malformed (400 naming it, before anything is decided), not the entry missing.
    /// </summary>
    public Validation RouteId(string field, bool wellFormed, string pattern, string whose) =>
        Check(field, wellFormed, $"Must match {pattern}, as {whose} does.");

    public Validation Required<T>(string field, T? value, string allowed) where T : struct =>
        value is null ? Add(field, $"Required: {allowed}.") : this;

    /// <summary>A required member of an enumeration, one of <paramref name="allowed"/> where a route takes fewer values
    /// than the vocabulary has; the error lists the values taken, as sent in JSON: <c>Required: one of "2008", "2015".
    /// </c></summary>
    public Validation OneOf<T>(string field, T? value, IReadOnlyCollection<T>? allowed = null) where T : struct, Enum
    {
        var taken = allowed ?? Vocabulary.Of<T>().Members;
        return value is null ? Add(field, $"Required: one of {Quoted(taken)}.")
            : !taken.Contains(value.Value) ? Add(field, $"Must be one of {Quoted(taken)}.")
            : this;
    }

    /// <summary>The API's names of <paramref name="members"/>, quoted as in JSON: <c>"passed", "failed"</c>.</summary>
    public static string Quoted<T>(IEnumerable<T> members) where T : struct, Enum =>
        string.Join(", ", members.Select(member => $"\"{Vocabulary.Of<T>()[member].Value}\""));

    public Validation Year(string field, int year, DateOnly today) =>
        year < EarliestDate.Year || year > today.Year + 1
            ? Add(field, $"Must be a year from {EarliestDate.Year} to {today.Year + 1}.")
            : this;

    /// <summary>A year asked about, which has begun: a table, report or statistics of a year to come would be judged
    /// on a day before it (next year's plan may be recorded ahead, as <see cref="Year"/> lets it).</summary>
    public Validation YearBegun(string field, int year, DateOnly today) =>
        year < EarliestDate.Year || year > today.Year
            ? Add(field, $"Must be a year from {EarliestDate.Year} to {today.Year}, one that has begun.")
            : this;
}
