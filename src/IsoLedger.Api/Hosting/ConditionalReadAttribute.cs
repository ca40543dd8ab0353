namespace IsoLedger.Api.Hosting;

/// <summary>Marks a read answered with an entity tag and a Last-Modified day, that honours <c>If-None-Match</c> and
/// <c>If-Modified-Since</c> with 304.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ConditionalReadAttribute : VersionedReadAttribute;
