namespace IsoLedger.Api.Hosting;

/// <summary>Marks an endpoint that writes through <see cref="VersionedWrites"/>: it honours an
/// <c>Idempotency-Key</c>, and an <c>If-Match</c> unless <see cref="TakesIfMatch"/> is false (a write of several
/// streams, or of a stream that does not exist yet), so that the OpenAPI document lists the headers it reads and,
/// unless <see cref="AnswersVersion"/> is false (a write of several streams), the <c>ETag</c> its success answers
/// carry.</summary>
[AttributeUsage(AttributeTargets.Method)]
public class VersionedWriteAttribute : Attribute
{
    public bool TakesIfMatch { get; init; } = true;

    /// <summary>Whether a success answers the written stream's version as its <c>ETag</c>.</summary>
    public bool AnswersVersion { get; init; } = true;
}
