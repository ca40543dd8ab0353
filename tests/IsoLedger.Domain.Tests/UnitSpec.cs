using IsoLedger.Domain.LegalBasis;
using IsoLedger.Domain.Units;

namespace IsoLedger.Domain.Tests;

/// <summary>Given events, when a command, then events, a rejection or warnings.</summary>
public sealed class UnitSpec
{
    public static readonly DateOnly Today = new(2026, 11, 23);

    /// <summary>The rule book as shipped.</summary>
    public static readonly RuleBook Book = ShippedRuleBook.Table;

    private readonly object[] given;
    private Decision? decision;

    private UnitSpec(object[] given) => this.given = given;

    public static UnitSpec Given(params object[] events) => new(events);

    /// <summary>A commune registered on 1 Jan 2010, followed by <paramref name="events"/>.</summary>
    public static UnitSpec GivenCommune(params object[] events) => Given([Registered, .. events]);

    public static readonly UnitRegistered Registered =
        new("QT-GIACAT", "UBND Xã Gia Cát", UnitLevel.Commune, "Quảng Trị", "Hải Lăng", null, new DateOnly(2010, 1, 1));

    public UnitSpec When(IUnitCommand command)
    {
        decision = UnitDecider.Decide(UnitDecider.Replay(given), command, Today, Book);
        return this;
    }

    public IReadOnlyList<object> ThenEvents(params object[] expected)
    {
        var accepted = Assert.IsType<Accepted>(decision);
        Assert.Equal(expected, accepted.Events);
        return accepted.Events;
    }

    public void ThenRejected(Rule rule) => Assert.Equal(rule, Assert.IsType<Rejected>(decision).Broken);

    public void ThenWarns(params Rule[] rules) =>
        Assert.Equal(rules.Order(ById), Assert.IsType<Accepted>(decision).Warnings.Order(ById));

    public void ThenNoWarnings() => Assert.Empty(Assert.IsType<Accepted>(decision).Warnings);

    private static readonly Comparer<Rule> ById = Comparer<Rule>.Create((a, b) => string.CompareOrdinal(a.Id, b.Id));

    // Facts used across the specs, dated around Gia Cát's real history.
    public static DocumentationIssued Documented(int year, Edition? standard = null) =>
        new(new DateOnly(year, 3, 1), standard ?? Edition.Iso9001V2008, null, true, true, true, 6, 5, 107, 107);
    public static InternalAuditHeld Audited(int year, int month = 6) => new(new DateOnly(year, month, 10), null, null);
    public static ManagementReviewHeld Reviewed(int year, int month = 7) => new(new DateOnly(year, month, 10), null);
    public static AnnualReportSubmitted Reported(int year) => new(year, new DateOnly(year, 11, 15));
    public static ConformityDeclared Declared(int year, Edition? standard = null, int month = 9) =>
        new(new DateOnly(year, month, 1), standard ?? Edition.Iso9001V2008, null, null, false);
    public static NonconformityRaised Raised(string id, DateOnly on, DateOnly? due = null) =>
        new(id, on, NonconformitySource.InternalAudit, "Hồ sơ không đúng hạn", NonconformitySeverity.Minor, "8.5", due);

    public static readonly object[] DeclaredOn2008In2016 =
        [Documented(2016), Audited(2016), Reviewed(2016), Declared(2016)];
}
