namespace IsoLedger.Api.Lifecycle;

/// <param name="ChangedOn">The date the scope changed.</param>
/// <param name="Description">What changed.</param>
/// <param name="AdministrativeProcedures">The number of administrative procedures covered after the change.</param>
public sealed record ChangeScopeRequest(DateOnly? ChangedOn, string? Description, int? AdministrativeProcedures = null);

/// <param name="MergedOn">The date the merge took effect.</param>
/// <param name="IntoCode">The code of the unit this one merged into.</param>
public sealed record MergeUnitRequest(DateOnly? MergedOn, string? IntoCode);

public static class ChangeScopeEndpoint
{
    public static ProblemDetails Validate(ChangeScopeRequest request) => new Validation()
        .Date("changedOn", request.ChangedOn)
        .Text("description", request.Description, required: true)
        .Count("administrativeProcedures", request.AdministrativeProcedures, required: false)
        .Result;

    /// <summary>Record a change of scope</summary>
    /// <remarks>Records <c>ScopeChanged</c>; the unit is flagged until it declares conformity again.</remarks>
    [WolverinePost("/api/units/{code}/scope-changes", OperationId = "ChangeScope"), Tags("Lifecycle"), Authorize(Policy = Policies.Record)]
    [UnitCommand]
    public static Task<IResult> Post(string code, ChangeScopeRequest request, HttpContext http, IDocumentStore store, BusinessClock clock) =>
        UnitCommands.Execute(http, store, clock, code,
            new ChangeScope(request.ChangedOn!.Value, request.Description!.Normalize(), request.AdministrativeProcedures));
}

public static class MergeUnitEndpoint
{
    public static ProblemDetails Validate(MergeUnitRequest request)
    {
        var validation = new Validation().Date("mergedOn", request.MergedOn);
        return UnitCode.IsValid(request.IntoCode) ? validation.Result : validation.Add("intoCode", $"Required; must match {UnitCode.Pattern}.").Result;
    }

    /// <summary>Merge the unit into another</summary>
    /// <remarks>Records <c>UnitMerged</c>. The merged unit's history stays readable; nothing dated after the merge can be recorded on it.</remarks>
    [WolverinePost("/api/units/{code}/merge", OperationId = "MergeUnit"), Tags("Lifecycle"), Authorize(Policy = Policies.Record)]
    [UnitCommand]
    public static async Task<IResult> Post(
        string code, MergeUnitRequest request, HttpContext http, IQuerySession query, IDocumentStore store, BusinessClock clock)
    {
        var targetRegistered = await query.Events.FetchStreamStateAsync(request.IntoCode!, http.RequestAborted) is not null;
        return await UnitCommands.Execute(http, store, clock, code, new MergeUnit(request.MergedOn!.Value, request.IntoCode!, targetRegistered));
    }
}
