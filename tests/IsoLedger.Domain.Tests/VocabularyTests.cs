using IsoLedger.Domain.LegalBasis;
using IsoLedger.Domain.Units;

namespace IsoLedger.Domain.Tests;

/// <summary>Every enumeration, rule and event has exactly one term, with a label in each language.</summary>
public class VocabularyTests
{
    private static void AssertCovers<T>(Terms<T> terms) where T : struct, Enum
    {
        Assert.Same(terms, Vocabulary.Of<T>());
        Assert.Equal(Enum.GetValues<T>().Order(), terms.Members.Order());
        Assert.Equal(Enum.GetValues<T>().Length, terms.All.Count);
        AssertLabelled(terms.All);
    }

    private static void AssertLabelled(IReadOnlyList<Term> terms)
    {
        Assert.All(terms, term =>
        {
            Assert.False(string.IsNullOrWhiteSpace(term.Value));
            Assert.False(string.IsNullOrWhiteSpace(term.Vi), $"{term.Value} has no Vietnamese label");
            Assert.False(string.IsNullOrWhiteSpace(term.En), $"{term.Value} has no English label");
        });
        Assert.Equal(terms.Count, terms.Select(t => t.Value).Distinct().Count());
    }

    [Fact]
    public void Every_enumeration_member_has_exactly_one_labelled_term()
    {
        AssertCovers(Vocabulary.Levels);
        AssertCovers(Vocabulary.ObligationKinds);
        AssertCovers(Vocabulary.Conversions);
        AssertCovers(Vocabulary.Inspections);
        AssertCovers(Vocabulary.NonconformitySources);
        AssertCovers(Vocabulary.NonconformitySeverities);
        AssertCovers(Vocabulary.RestructuringKinds);
    }

    [Fact]
    public void Every_rule_has_one_term_with_its_sentences()
    {
        Assert.Equal(Rules.All.Select(r => r.Id), Vocabulary.Rules.Select(t => t.Value));
        AssertLabelled(Vocabulary.Rules);
        Assert.All(Rules.All, rule => Assert.NotEqual(rule.Sentence, rule.SentenceVi));
    }

    private static IEnumerable<string> EventTypeNames<T>() => typeof(T).Assembly.GetTypes()
        .Where(t => t.IsClass && !t.IsAbstract && typeof(T).IsAssignableFrom(t)).Select(t => t.Name);

    private static IEnumerable<string> UnitEventTypeNames() => EventTypeNames<IUnitEvent>();

    /// <summary>The event feed shows a unit's events and the rule book's changes alike.</summary>
    [Fact]
    public void Every_event_type_has_one_term_under_its_type_name()
    {
        Assert.Equal(UnitEventTypeNames().Concat(EventTypeNames<IRuleBookChange>()).Order(),
            Vocabulary.Events.Select(t => t.Value).Order());
        AssertLabelled(Vocabulary.Events);
    }

    /// <summary>The store learns the event types from this list; projections skip events of types they do not
    /// know, so an event left out would silently vanish from every dashboard.</summary>
    [Fact]
    public void Every_event_type_is_known_to_the_store()
    {
        Assert.Equal(UnitEventTypeNames().Order(), UnitEvents.All.Select(t => t.Name).Order());
        Assert.Equal(EventTypeNames<IRuleBookChange>().Order(), RuleBookChanges.All.Select(t => t.Name).Order());
    }

    [Fact]
    public void Report_conversion_and_summary_terms_are_labelled()
    {
        AssertLabelled(Vocabulary.ReportColumns);
        AssertLabelled(Vocabulary.ConversionColumns);
        AssertLabelled(Vocabulary.SummaryRows);
        AssertLabelled(Vocabulary.SummaryColumns);
    }

    [Theory]
    [InlineData(2008, "2000")]
    [InlineData(2009, "2008")]
    [InlineData(2015, "2008")]
    [InlineData(2016, "2015")]
    [InlineData(2024, "2015")]
    [InlineData(2025, "2015/Amd1:2024")]
    public void The_current_edition_is_the_latest_published_before_the_year(int year, string expected) =>
        Assert.Equal(new Edition(expected), UnitSpec.Book.CurrentIn(year));

    [Theory]
    [InlineData("sub-department", UnitLevel.SubDepartment)]
    [InlineData("Commune", UnitLevel.Commune)]
    public void A_value_parses_in_any_case(string value, UnitLevel expected)
    {
        Assert.True(Vocabulary.Levels.TryParse(value, out var level));
        Assert.Equal(expected, level);
        Assert.False(Vocabulary.Levels.TryParse("province", out _));
    }

    [Theory]
    [InlineData("Đạt", InspectionResult.Passed)]
    [InlineData("KHÔNG  ĐẠT", InspectionResult.Failed)]
    [InlineData("duy trì", InspectionResult.Maintained)]
    [InlineData("Ko có BC", InspectionResult.NoReport)]
    public void A_reports_word_for_a_verdict_reads_as_the_verdict(string written, InspectionResult verdict)
    {
        Assert.True(Vocabulary.Inspections.TryParseLabel(written, out var read));
        Assert.Equal(verdict, read);
        Assert.False(Vocabulary.Inspections.TryParseLabel("Tốt", out _));
    }
}
