using System.ComponentModel.DataAnnotations;
using IsoLedger.Api.Hosting;
using IsoLedger.Api.Security;
using IsoLedger.Domain.Units;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace IsoLedger.Api.Units;

/// <summary>The ISO steering board formed (thành lập) or, after the first, reorganised (kiện toàn).</summary>
/// <param name="FormedOn">The date of the decision forming (or reorganising) the board.</param>
/// <param name="Members">How many members the board has.</param>
/// <param name="Chair">Who chairs it, usually the unit head.</param>
/// <param name="DecisionNo">The number of the decision.</param>
public sealed record FormSteeringBoardRequest(
    DateOnly? FormedOn, [property: Range(0, FormSteeringBoardRequest.MaxMembers)] int? Members, string? Chair = null,
    string? DecisionNo = null)
{
    public const int MaxMembers = 1000;
}

public static class FormSteeringBoardEndpoint
{
    public static ProblemDetails Validate(FormSteeringBoardRequest request) => new Validation()
        .Date("formedOn", request.FormedOn)
        .Count("members", request.Members, max: FormSteeringBoardRequest.MaxMembers)
        .Text("chair", request.Chair)
        .Text("decisionNo", request.DecisionNo)
        .Result;

    /// <summary>Form or reorganise the ISO steering board</summary>
    /// <remarks>Records <c>SteeringBoardFormed</c>; every board after the first is a reorganisation
    /// (kiện toàn).</remarks>
    [WolverinePost("/api/units/{code}/steering-board", OperationId = "FormSteeringBoard")]
    [Tags(ApiTags.Lifecycle)]
    [Authorize(Policy = Policies.Record)]
    [UnitCommand]
    public static Task<IResult> Post(
        string code, FormSteeringBoardRequest request, HttpContext http, UnitWriteQueue writes, BusinessClock clock) =>
        UnitWriter.Execute(http, writes, clock, code,
            new FormSteeringBoard(request.FormedOn!.Value, request.Members!.Value, request.Chair, request.DecisionNo));
}
