namespace IsoLedger.Api.Hosting;

/// <summary>Marks a read whose success answer is tagged with the version of the stream it reads
/// (<see cref="VersionedResults.ReadTag"/>), to send back as <c>If-Match</c> or <c>If-None-Match</c>, so that the
/// OpenAPI document lists the header.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class VersionedReadAttribute : Attribute;
