using IsoLedger.Api.Hosting;
using IsoLedger.Api.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace IsoLedger.Api.Units;

public static class GetUnitWritesEndpoint
{
    /// <summary>How this node batches unit commands</summary>
    /// <remarks>Since the node started: the group commit's transactions and commands, its batch sizes, how many units
    /// it locked and how many of their states it had to read from the database, and the commands waiting now.
    /// </remarks>
    [WolverineGet("/api/admin/unit-writes", OperationId = "GetUnitWrites")]
    [Tags(ApiTags.Administration)]
    [Authorize(Roles = Roles.Admin)]
    [ProducesResponseType<UnitWriteStatistics>(StatusCodes.Status200OK,
        Description = "How this node has batched unit commands since it started.")]
    public static IResult Get(UnitWriteQueue writes) => Results.Ok(writes.Statistics());
}
