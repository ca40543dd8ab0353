using IsoLedger.Domain.Units;
using JasperFx.Events;
using Marten.Events.Aggregation;

namespace IsoLedger.Projections.Units;

/// <summary>A unit's current status, kept up to date in the same transaction as its events (inline).</summary>
public sealed record UnitStatus
{
    /// <summary>The unit code, which is also its stream key.</summary>
    public required string Code { get; init; }
    public required string Name { get; init; }
    public required UnitLevel Level { get; init; }
    public required string Province { get; init; }
    public string? District { get; init; }
    public string? ParentCode { get; init; }
    public required DateOnly RegisteredOn { get; init; }

    /// <summary>The version of the unit's stream this status reflects.</summary>
    public long Version { get; init; }
}

public sealed partial class UnitStatusProjection : SingleStreamProjection<UnitStatus, string>
{
    public override UnitStatus? Evolve(UnitStatus? snapshot, string id, IEvent e)
    {
        var status = e.Data switch
        {
            UnitRegistered registered => new UnitStatus
            {
                Code = registered.Code,
                Name = registered.Name,
                Level = registered.Level,
                Province = registered.Province,
                District = registered.District,
                ParentCode = registered.ParentCode,
                RegisteredOn = registered.RegisteredOn,
            },
            _ => snapshot,
        };
        return status is null ? null : status with { Version = e.Version };
    }
}
