namespace IsoLedger.Api.Hosting;

/// <summary>Marks an endpoint that writes through <see cref="VersionedWrites"/>: it honours an
/// <c>Idempotency-Key</c>, and an <c>If-Match</c> unless <see cref="TakesIfMatch"/> is false (a write of several
/// streams, or of a stream that does not exist yet), so that the OpenAPI document lists the headers it reads.</summary>
[AttributeUsage(AttributeTargets.Method)]
public class VersionedWriteAttribute : Attribute
{
    public bool TakesIfMatch { get; init; } = true;
}
