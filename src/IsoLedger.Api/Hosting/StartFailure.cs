using Microsoft.AspNetCore.Connections;
using Serilog.Events;

namespace IsoLedger.Api.Hosting;

/// <summary>Why the server did not start, when its address is taken: the host's own report of it (a stack trace of
/// the failed bind, under which each background service's cancellation followed) is kept out of the log, and the
/// reason is said in one line once the host has ended (<see cref="Reason"/>). JasperFx's runner swallows the
/// exception, so the log is where it is seen.</summary>
public sealed class StartFailure
{
    /// <summary>What to tell whoever started the API, or null while no start failed for its address.</summary>
    public string? Reason { get; private set; }

    /// <summary>Whether <paramref name="logged"/> is the host's report of an address in use (another process listens
    /// there), which is then kept as <see cref="Reason"/> instead of being logged.</summary>
    public bool Takes(LogEvent logged)
    {
        if (logged.Exception is not IOException { InnerException: AddressInUseException } taken) return false;
        Reason = $"{taken.Message.TrimEnd('.')}: another process listens there. Stop it, or start the API on another "
            + "address (--urls, ASPNETCORE_URLS).";
        return true;
    }
}
