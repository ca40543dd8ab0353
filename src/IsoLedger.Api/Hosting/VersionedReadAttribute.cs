namespace IsoLedger.Api.Hosting;

/// <summary>Marks a read whose success answer carries the version of the stream it reads as its <c>ETag</c>, to send
/// back as <c>If-Match</c>, so that the OpenAPI document lists the header.</summary>
[AttributeUsage(AttributeTargets.Method)]
public class VersionedReadAttribute : Attribute;
