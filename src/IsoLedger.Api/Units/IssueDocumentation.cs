using System.ComponentModel.DataAnnotations;
using IsoLedger.Api.Hosting;
using IsoLedger.Api.LegalBasis;
using IsoLedger.Api.Security;
using IsoLedger.Domain.LegalBasis;
using IsoLedger.Domain.Units;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace IsoLedger.Api.Units;

/// <summary>The quality-management documentation issued (ban hành hệ thống tài liệu), with its counts of
/// documents.</summary>
/// <param name="IssuedOn">The date the documentation was issued.</param>
/// <param name="Standard">The edition documented: "2008", "2015", or another the rule book has.</param>
/// <param name="DecisionNo">The number of the issuing decision.</param>
/// <param name="QualityManual">Whether a quality manual was issued.</param>
/// <param name="QualityPolicy">Whether a quality policy was issued.</param>
/// <param name="QualityObjectives">Whether quality objectives were issued.</param>
/// <param name="MandatoryProcedures">Number of mandatory procedures (usually 6–7).</param>
/// <param name="InternalProcedures">Number of internal procedures.</param>
/// <param name="BusinessProcedures">Number of business procedures (one per administrative procedure).</param>
/// <param name="AdministrativeProcedures">Number of administrative procedures (TTHC) covered.</param>
public sealed record IssueDocumentationRequest(
    DateOnly? IssuedOn, Edition? Standard, bool? QualityManual, bool? QualityPolicy, bool? QualityObjectives,
    [property: Range(0, Validation.MaxCount)] int? MandatoryProcedures,
    [property: Range(0, Validation.MaxCount)] int? InternalProcedures,
    [property: Range(0, Validation.MaxCount)] int? BusinessProcedures,
    [property: Range(0, Validation.MaxCount)] int? AdministrativeProcedures, string? DecisionNo = null);

public static class IssueDocumentationEndpoint
{
    public static ProblemDetails Validate(IssueDocumentationRequest request, RuleBookSource rules) => new Validation()
        .Date("issuedOn", request.IssuedOn)
        .Edition("standard", request.Standard, rules.Current)
        .Required("qualityManual", request.QualityManual, "true or false")
        .Required("qualityPolicy", request.QualityPolicy, "true or false")
        .Required("qualityObjectives", request.QualityObjectives, "true or false")
        .Count("mandatoryProcedures", request.MandatoryProcedures)
        .Count("internalProcedures", request.InternalProcedures)
        .Count("businessProcedures", request.BusinessProcedures)
        .Count("administrativeProcedures", request.AdministrativeProcedures)
        .Text("decisionNo", request.DecisionNo)
        .Result;

    /// <summary>Issue the quality-management documentation</summary>
    /// <remarks>Records <c>DocumentationIssued</c>. A first system documented on an older edition than the rule book
    /// required on that day is flagged.</remarks>
    [WolverinePost("/api/units/{code}/documentation", OperationId = "IssueDocumentation")]
    [Tags(ApiTags.Lifecycle)]
    [Authorize(Policy = Policies.Record)]
    [UnitCommand]
    public static Task<IResult> Post(
        string code, IssueDocumentationRequest request, HttpContext http, UnitWriteQueue writes, BusinessClock clock) =>
        UnitWriter.Execute(http, writes, clock, code, new IssueDocumentation(
            request.IssuedOn!.Value, request.Standard!.Value, request.DecisionNo, request.QualityManual!.Value,
            request.QualityPolicy!.Value, request.QualityObjectives!.Value, request.MandatoryProcedures!.Value,
            request.InternalProcedures!.Value, request.BusinessProcedures!.Value,
            request.AdministrativeProcedures!.Value));
}
