using IsoLedger.Domain.Units;

namespace IsoLedger.Domain.LegalBasis;

/// <summary>What an entry of the rule book obliges units to do.</summary>
public enum ObligationKind
{
    /// <summary>Units of <see cref="Obligation.Level"/> must build and keep a system (others apply it
    /// voluntarily).</summary>
    MustApply,

    /// <summary>Conformity is declared only after documentation, an internal audit and a management review.</summary>
    DeclarationPrerequisites,

    /// <summary>A declared unit holds an internal audit every calendar year.</summary>
    YearlyInternalAudit,

    /// <summary>A declared unit holds a management review every calendar year.</summary>
    YearlyManagementReview,

    /// <summary>A declared unit sends its yearly report on the system (báo cáo duy trì) every calendar year.</summary>
    YearlyReport,

    /// <summary>A change of scope is followed by a new declaration (công bố lại).</summary>
    RedeclareOnScopeChange,

    /// <summary>A unit formed by a restructuring from units of which one had declared a system declares its own
    /// within <see cref="Obligation.Months"/> of the effective date (judged by the entry in force on that day): its
    /// scope is new, and it inherits its predecessors' history, not their declarations.</summary>
    SuccessorRedeclares,

    /// <summary>A system first built while the entry is in force is built on <see cref="Obligation.Edition"/> (or a
    /// later one).</summary>
    NewSystemsOnEdition,

    /// <summary>Units on an edition older than <see cref="Obligation.Edition"/> convert to it by
    /// <see cref="Obligation.Deadline"/>.</summary>
    ConversionDeadline,

    /// <summary>A nonconformity is closed, its corrective action found effective, by the due date set when it was
    /// raised (judged by the entry in force on that day).</summary>
    CloseNonconformitiesByDueDate,
}

/// <summary>One entry of the rule book: what a legal act requires, of which units, in force from
/// <c>validFrom</c> to <c>validTo</c> (both inclusive; open-ended when null). A fact is judged by the
/// entries in force on its business date.</summary>
/// <param name="Id">A stable name for the entry, e.g. <c>yearly-internal-audit-2014</c>.</param>
/// <param name="Kind">What the entry requires.</param>
/// <param name="ValidFrom">The first day the entry is in force.</param>
/// <param name="ValidTo">The last day the entry is in force; null while it is.</param>
/// <param name="LegalAct">The act the entry cites, as the reports cite it (e.g. "QĐ 19/2014/QĐ-TTg").</param>
/// <param name="Source">Where the entry comes from: the act's article, a seed document and line, a decision.</param>
/// <param name="Level">For <c>must-apply</c>, the level it obliges; otherwise null (every
/// level).</param>
/// <param name="Edition">The edition new systems are built on, or the one to convert to.</param>
/// <param name="Deadline">For <c>conversion-deadline</c>, the last day to convert.</param>
/// <param name="Months">For <c>successor-redeclares</c>, how many months after the restructuring's effective date a
/// successor has to declare its own system.</param>
public sealed record Obligation(
    string Id, ObligationKind Kind, DateOnly ValidFrom, DateOnly? ValidTo, string LegalAct, string Source,
    UnitLevel? Level = null, Edition? Edition = null, DateOnly? Deadline = null, int? Months = null)
{
    public bool InForceOn(DateOnly date) => ValidFrom <= date && !(ValidTo < date);
}

/// <summary>An edition of the standard in the rule book.</summary>
/// <param name="Edition">The edition's name, as the API writes it.</param>
/// <param name="NameVi">How Vietnamese documents name it ("TCVN ISO 9001:2015").</param>
/// <param name="NameEn">How English documents name it ("ISO 9001:2015").</param>
/// <param name="PublishedOn">The day the edition (ISO's, which TCVN adopts) was published: from the next 1 January
/// reports count it as the current edition.</param>
/// <param name="Amends">For an amendment (ISO 9001:2015/Amd 1:2024), the edition it amends: a system on that edition
/// counts as on the current one while the amendment is current.</param>
/// <param name="Source">Where the entry comes from.</param>
public sealed record EditionEntry(
    Edition Edition, string NameVi, string NameEn, DateOnly PublishedOn, Edition? Amends, string Source);
