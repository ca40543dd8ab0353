using IsoLedger.Domain.Units;

namespace IsoLedger.Domain.LegalBasis;

/// <summary>The rule book as the ledger ships it: what the acts cited by the source documents
/// (<c>shared/seeds/</c>, <c>shared/DOMAIN.md</c>) say, each entry with its source. Editions are dated by ISO's
/// publication, which TCVN adopts.</summary>
public static class ShippedRuleBook
{
    private const string Qd144 = "QĐ 144/2006/QĐ-TTg";
    private const string Qd118 = "QĐ 118/2009/QĐ-TTg";
    private const string Qd19 = "QĐ 19/2014/QĐ-TTg";
    private const string Qd19Tt26 = "QĐ 19/2014/QĐ-TTg; TT 26/2014/TT-BKHCN";
    private const string Cv419 = "CV 419/BKHCN-TĐC";

    /// <summary>QĐ 144/2006/QĐ-TTg of 20 Jun 2006, cited by seed 004 (line 23) and applied there with
    /// TCVN ISO 9001:2000 (line 2).</summary>
    private const string Seed004 = "seed 004 (Sông Công), lines 2 and 23; DOMAIN.md, Editions and legal basis";

    /// <summary>QĐ 19/2014/QĐ-TTg of 5 Mar 2014 and TT 26/2014/TT-BKHCN of 10 Oct 2014, seed 003 line 13.</summary>
    private const string Seed003 = "seed 003 (Quảng Trị 2020 report), line 13; DOMAIN.md, Rules";

    /// <summary>The standard's corrective action, which the acts have units apply and maintain: seed 003 reports the
    /// corrective actions taken on the nonconformities found (lines 109, 125, 235) and units "slow to remedy" them
    /// (chậm khắc phục, line 207).</summary>
    private const string CorrectiveAction =
        "ISO 9001 §8.5.2 (2000, 2008), §10.2 (2015): corrective action on each nonconformity; seed 003 (Quảng Trị "
        + "2020 report), lines 109, 125, 207 and 235; DOMAIN.md, Rules 3";

    /// <summary>A restructuring's successor has a scope of its own, so the acts' new declaration on a change of scope
    /// applies to it; the acts set no period for it, so the months are the ledger's, which an administrator replaces
    /// (ends the entry, adds one with another period from a date).</summary>
    private const string Successors = "DOMAIN.md, The 2025 reorganisation: a new commune reviews its system for its "
        + "new scope and declares again; the period (12 months) is the ledger's default, not the act's";

    private const int SuccessorMonths = 12;

    private static readonly DateOnly Qd144Effective = new(2006, 6, 20);
    private static readonly DateOnly Qd118Effective = new(2009, 9, 30);
    private static readonly DateOnly Qd19Effective = new(2014, 3, 5);
    private static readonly DateOnly NewSystemsOn2015From = new(2018, 2, 22);

    public static readonly RuleBook Table = new()
    {
        Editions =
        [
            new(Edition.Iso9001V2000, "TCVN ISO 9001:2000", "ISO 9001:2000", new(2000, 12, 15), null,
                $"{Qd144}; {Seed004}"),
            new(Edition.Iso9001V2008, "TCVN ISO 9001:2008", "ISO 9001:2008", new(2008, 11, 14), null,
                $"{Qd118}; {Qd19}; {Seed004}; {Seed003}"),
            new(Edition.Iso9001V2015, "TCVN ISO 9001:2015", "ISO 9001:2015", new(2015, 9, 15), null,
                $"{Cv419} (2018); seed 003, line 19 (QĐ 127/QĐ-UBND on the conversion)"),
            new(Edition.Iso9001V2015Amd1, "TCVN ISO 9001:2015 và Sửa đổi 1:2024", "ISO 9001:2015/Amd 1:2024",
                new(2024, 2, 23), Edition.Iso9001V2015,
                "ISO 9001:2015/Amd 1:2024 (climate change), 23 Feb 2024; DOMAIN.md, Editions and legal basis"),
        ],
        Obligations =
        [
            .. MustApply(UnitLevel.Department),
            .. MustApply(UnitLevel.SubDepartment),
            .. MustApply(UnitLevel.District, until: Levels.DistrictLevelEndedOn.AddDays(-1)),
            new("declaration-prerequisites-2009", ObligationKind.DeclarationPrerequisites, Qd118Effective,
                Qd19Effective.AddDays(-1), Qd118, Seed004),
            new("declaration-prerequisites-2014", ObligationKind.DeclarationPrerequisites, Qd19Effective, null,
                $"{Qd19}, Art. 4", Seed003),
            new("yearly-internal-audit-2006", ObligationKind.YearlyInternalAudit, Qd144Effective,
                Qd19Effective.AddDays(-1), $"{Qd144}; {Qd118}", Seed004),
            new("yearly-internal-audit-2014", ObligationKind.YearlyInternalAudit, Qd19Effective, null, Qd19Tt26,
                Seed003),
            new("yearly-management-review-2006", ObligationKind.YearlyManagementReview, Qd144Effective,
                Qd19Effective.AddDays(-1), $"{Qd144}; {Qd118}", Seed004),
            new("yearly-management-review-2014", ObligationKind.YearlyManagementReview, Qd19Effective, null,
                Qd19Tt26, Seed003),
            new("yearly-report-2014", ObligationKind.YearlyReport, Qd19Effective, null, Qd19Tt26,
                $"{Seed003}; the report tallies the units' yearly reports (\"Ko có Bc\": none sent)"),
            new("redeclare-on-scope-change-2009", ObligationKind.RedeclareOnScopeChange, Qd118Effective,
                Qd19Effective.AddDays(-1), Qd118, Seed004),
            new("redeclare-on-scope-change-2014", ObligationKind.RedeclareOnScopeChange, Qd19Effective, null,
                Qd19Tt26, Seed003),
            new("successor-redeclares-2009", ObligationKind.SuccessorRedeclares, Qd118Effective,
                Qd19Effective.AddDays(-1), Qd118, Successors, Months: SuccessorMonths),
            new("successor-redeclares-2014", ObligationKind.SuccessorRedeclares, Qd19Effective, null, Qd19Tt26,
                Successors, Months: SuccessorMonths),
            new("new-systems-on-2000", ObligationKind.NewSystemsOnEdition, Qd144Effective,
                Qd118Effective.AddDays(-1), Qd144, Seed004, Edition: Edition.Iso9001V2000),
            new("new-systems-on-2008", ObligationKind.NewSystemsOnEdition, Qd118Effective,
                NewSystemsOn2015From.AddDays(-1), $"{Qd118}; {Qd19}", $"{Seed004}; {Seed003}",
                Edition: Edition.Iso9001V2008),
            new("new-systems-on-2015", ObligationKind.NewSystemsOnEdition, NewSystemsOn2015From, null,
                $"{Cv419} (2018)", "DOMAIN.md, Rules 4: systems first built after 21 Feb 2018 start on 2015",
                Edition: Edition.Iso9001V2015),
            new("conversion-to-2015", ObligationKind.ConversionDeadline, NewSystemsOn2015From, null,
                $"{Cv419} (2018)", "DOMAIN.md, Rules 4: the 2008 → 2015 conversion deadline was 30 Jun 2021",
                Edition: Edition.Iso9001V2015, Deadline: new(2021, 6, 30)),
            new("close-nonconformities-2006", ObligationKind.CloseNonconformitiesByDueDate, Qd144Effective,
                Qd19Effective.AddDays(-1), $"{Qd144}; {Qd118}", $"{CorrectiveAction}; {Seed004}"),
            new("close-nonconformities-2014", ObligationKind.CloseNonconformitiesByDueDate, Qd19Effective, null,
                Qd19Tt26, CorrectiveAction),
        ],
    };

    /// <summary>Provincial bodies and districts must apply a system: under QĐ 144/2006/QĐ-TTg (as amended by
    /// QĐ 118/2009/QĐ-TTg), then QĐ 19/2014/QĐ-TTg; communes are encouraged to (DOMAIN.md, Units and levels).</summary>
    private static IEnumerable<Obligation> MustApply(UnitLevel level, DateOnly? until = null)
    {
        var name = Vocabulary.Levels[level].Value;
        yield return new($"must-apply-{name}-2006", ObligationKind.MustApply, Qd144Effective,
            Qd19Effective.AddDays(-1), $"{Qd144}; {Qd118}", Seed004, Level: level);
        yield return new($"must-apply-{name}-2014", ObligationKind.MustApply, Qd19Effective, until,
            $"{Qd19}, Art. 2", until is null ? Seed003 : $"{Seed003}; Law 72/2025/QH15 (the district level ended)",
            Level: level);
    }
}
