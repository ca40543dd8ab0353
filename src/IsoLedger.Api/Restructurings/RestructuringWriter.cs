using System.Text.Json;
using IsoLedger.Api.Hosting;
using IsoLedger.Api.Units;
using IsoLedger.Domain;
using IsoLedger.Domain.Units;
using IsoLedger.Projections.Units;
using JasperFx;
using Marten;

namespace IsoLedger.Api.Restructurings;

/// <summary>A restructuring as recorded: the act, its effective date, its parts, and the version each unit's stream
/// reached.</summary>
public sealed record Restructuring
{
    /// <summary>Its id, 32 hexadecimal digits (GET /api/restructurings/{id}); the units' events name it as their
    /// <c>restructuringId</c>.</summary>
    public required string Id { get; init; }
    /// <summary>The act's number; none for a merge recorded without it.</summary>
    public string? DecisionNo { get; init; }
    /// <summary>The day it took effect.</summary>
    public required DateOnly EffectiveOn { get; init; }
    /// <summary>Its parts, in the order given.</summary>
    public required IReadOnlyList<RestructuringPart> Parts { get; init; }
    /// <summary>Each unit the restructuring wrote to, with its stream's version after it.</summary>
    public required IReadOnlyDictionary<string, long> Units { get; init; }
    /// <summary>The codes of the units it registered (formed by a merge or a split).</summary>
    public required IReadOnlyList<string> NewUnits { get; init; }
    /// <summary>When it was recorded.</summary>
    public required DateTimeOffset RecordedAt { get; init; }
    /// <summary>The name of the API key that recorded it.</summary>
    public string? RecordedBy { get; init; }
}

/// <summary>What a write answers: status, body, location, and the version sent as the ETag (null: none, where the
/// answer names no one stream's version).</summary>
public sealed record WriteAnswer(int Status, object Body, string? Location, long? Version);

/// <summary>How a batch of restructurings is written.</summary>
/// <param name="IfMatchUnit">The unit whose <c>If-Match</c> version the request checks.</param>
/// <param name="DryRun">Decide everything, write nothing.</param>
/// <param name="SkipRecordedParts">Leave out parts already on record with the same effect (a file imported
/// again).</param>
/// <param name="TakeListedSuccessors">Take a new unit a report table already listed as the merge's successor
/// (<see cref="RestructuringPart.WithListedSuccessor"/>).</param>
public sealed record RestructuringOptions(
    string? IfMatchUnit = null, bool DryRun = false, bool SkipRecordedParts = false,
    bool TakeListedSuccessors = false);

/// <summary>Writes restructurings to every unit they touch in one transaction: each stream is locked (in code
/// order, so that two restructurings never wait on each other), each restructuring is decided in turn on the states
/// the ones before it left, and all events and the <see cref="Restructuring"/> documents commit together or not at
/// all. Idempotency keys, retries and concurrency work as for a single unit (<see cref="UnitWriter"/>).</summary>
public static class RestructuringWriter
{
    private const int Attempts = 3;

    public static async Task<IResult> Execute(
        HttpContext http, IDocumentStore store, BusinessClock clock, IReadOnlyList<RestructureUnits> commands,
        Func<IReadOnlyList<Restructuring>, WriteAnswer> respond, RestructuringOptions? options = null)
    {
        options ??= new RestructuringOptions();
        if (!VersionedWrites.TryReadIfMatch(http, out var ifMatch)) return WriteProblems.BadIfMatch();
        // A version names one unit's stream: where the request names none, a version sent would go unchecked.
        if (ifMatch is not null && options.IfMatchUnit is null)
        {
            return WriteProblems.IfMatchNotTaken(
                "A restructuring writes several units' streams (POST /api/units/{code}/merge takes one's version)");
        }
        // A dry run writes nothing, so it is safe to repeat as it is; its answer must not stand for the real one.
        var idempotency = options.DryRun
            ? null
            : Idempotency.For(http, commands.Select(c => c with { Id = "" }).ToList());
        return await DatabaseRetries.Execute(
            (attempt, cancellation) => Write(
                http, store, clock, commands, respond, options, ifMatch, idempotency, attempt, cancellation),
            idempotent: idempotency is not null, http.RequestAborted);
    }

    private static async Task<IResult> Write(
        HttpContext http, IDocumentStore store, BusinessClock clock, IReadOnlyList<RestructureUnits> commands,
        Func<IReadOnlyList<Restructuring>, WriteAnswer> respond, RestructuringOptions options,
        VersionCondition? ifMatch, Idempotency? idempotency, DatabaseAttempt databaseAttempt,
        CancellationToken cancellation)
    {
        if (idempotency is not null && await idempotency.Earlier(store, cancellation) is { } earlier) return earlier;
        var ifMatchUnit = options.IfMatchUnit;
        // Units the decision reads that an earlier attempt found only under its locks.
        var readToo = new HashSet<string>(StringComparer.Ordinal);
        for (var attempt = 1; ; attempt++)
        {
            await using var session = store.LightweightSession();
            session.CorrelationId = http.Id();
            session.LastModifiedBy = http.User.Identity?.Name;

            // The key's earlier answer is looked for again under the locks: a retry racing its first try waits for
            // it there and answers what it answered (it had found the units merged by it: 409).
            // A district's rename carries its units, and a department's end or move its sub-departments: they are
            // locked and loaded with the units the acts name. An act that renames or transfers units takes turns
            // with the registrations, which read the names of the units after the lock of the transactions that start
            // units (unit-name-taken), as one that forms units does; so does a merge, whose department may carry its
            // sub-departments to an existing one (found only under the locks), where a namesake may be registered.
            var followers = (await DistrictFollowers.Of(session, commands, cancellation))
                .Concat(await ParentFollowers.Of(session, commands, cancellation));
            var locks = http.RequestServices.GetRequiredService<UnitLocks>();
            var (states, answered, _, inOtherCase, _) = await locks.LockAndLoad(
                session, commands.SelectMany(c => c.Codes).Concat(followers).Concat(readToo), _ => null,
                idempotency is null ? [] : [idempotency.Id], cancellation,
                namesUnits: commands.Any(c => c.Parts.Any(p => p.Kind is RestructuringKind.Rename
                    or RestructuringKind.Transfer or RestructuringKind.Merge)));
            // A unit's code is one code in any letter case: registered before, or formed by an act before in the
            // request (code → the code as registered).
            var registered = new Dictionary<string, string>(inOtherCase, StringComparer.OrdinalIgnoreCase);
            if (idempotency is not null && answered.TryGetValue(idempotency.Id, out var first))
                return first.Replay(idempotency.Fingerprint);
            // Read again under the locks: a sub-department put under a unit of the acts since the read above.
            var unread = (await ParentFollowers.Of(session, commands, cancellation))
                .Where(code => !states.ContainsKey(code)).ToHashSet(StringComparer.Ordinal);
            var before = states.ToDictionary(s => s.Key, s => s.Value?.Version ?? 0, StringComparer.Ordinal);
            var versions = new Dictionary<string, long>(before, StringComparer.Ordinal);
            if (ifMatchUnit is not null && ifMatch is not null && !ifMatch.Holds(versions[ifMatchUnit]))
            {
                return states[ifMatchUnit] is null
                    ? UnitProblems.UnitNotFound(ifMatchUnit)
                    : WriteProblems.StaleVersion(versions[ifMatchUnit], "unit");
            }

            // The units that may hold the names the acts give (unit-name-taken), as a registration reads them: found
            // from the names and places the acts' parts give on the states locked (with the units they carry).
            var searches = commands.SelectMany(c => c.CarryingDistricts(states).CarryingSubDepartments(states)
                .Named(states)).Select(NamesakeSearch.For).ToList();
            var namesakes = await Namesakes.Load(session,
                await locks.Named(session, searches, cancellation), searches, cancellation);
            var appended = new Dictionary<string, List<object>>(StringComparer.Ordinal);
            var restructurings = new List<Restructuring>();
            foreach (var asked in unread.Count == 0 ? commands : [])
            {
                // Carried before the recorded parts are left out: an act imported again carries the units recorded in
                // the old district, or under the merged department, since.
                var carrying = asked.CarryingDistricts(states).CarryingSubDepartments(states);
                var given = options.TakeListedSuccessors
                    ? carrying with
                    {
                        Parts = [.. carrying.Parts.Select(p => p.WithListedSuccessor(states, carrying.EffectiveOn))],
                    }
                    : carrying;
                var command = options.SkipRecordedParts
                    ? given with { Parts = [.. given.Parts.Where(p => !p.IsRecordedIn(states, given.EffectiveOn))] }
                    : given;
                if (command.Parts.Count == 0) continue;
                // The parent kept by a sub-department a carried part transfers (it is in the district renamed).
                unread.UnionWith(states.Values.OfType<Unit>().SelectMany(command.ParentReads)
                    .Where(code => !states.ContainsKey(code)));
                if (unread.Count > 0) break;
                // The act is named, whether one was sent or several: a table of one act names it too.
                var decisionNo = command.DecisionNo;
                foreach (var formed in command.Parts.SelectMany(p => p.IntoNew))
                {
                    if (registered.TryGetValue(formed.Code, out var code) && code != formed.Code)
                    {
                        return Rejected(new RestructuringRejected(Rules.UnitAlreadyRegistered, formed.Code), decisionNo,
                            CodesInOtherCase.Sentence(formed.Code, code));
                    }
                }
                var decision = command.Decide(states, clock.Today, namesakes);
                if (decision is RestructuringRejected rejected)
                {
                    if (rejected.Broken == Rules.UnitNotRegistered && rejected.Unit == ifMatchUnit)
                        return UnitProblems.UnitNotFound(ifMatchUnit!);
                    // A code written in another letter case than the unit's is named with the unit's, as a unit's
                    // route names it (registeredAs).
                    return rejected.Broken == Rules.UnitNotRegistered && rejected.Unit is { } written
                        && registered.TryGetValue(written, out var unitCode) && unitCode != written
                            ? Rejected(rejected, decisionNo, CodesInOtherCase.Sentence(written, unitCode),
                                registeredAs: unitCode)
                            : Rejected(rejected, decisionNo);
                }
                var accepted = (RestructuringAccepted)decision;
                foreach (var code in accepted.NewUnits) registered.TryAdd(code, code);
                foreach (var (code, events) in accepted.Events)
                {
                    versions[code] += events.Count;
                    states[code] = UnitDocuments.Evolve(states[code], events, versions[code]);
                    if (!appended.TryGetValue(code, out var lane)) appended[code] = lane = [];
                    lane.AddRange(events);
                }
                var restructuring = new Restructuring
                {
                    Id = command.Id,
                    DecisionNo = command.DecisionNo,
                    EffectiveOn = command.EffectiveOn,
                    Parts = command.Parts,
                    Units = accepted.Events.Keys.ToDictionary(code => code, code => versions[code],
                        StringComparer.Ordinal),
                    NewUnits = accepted.NewUnits,
                    RecordedAt = DateTimeOffset.UtcNow,
                    RecordedBy = http.User.Identity?.Name,
                };
                session.Store(restructuring);
                restructurings.Add(restructuring);
            }
            if (unread.Count > 0)
            {
                readToo.UnionWith(unread);
                if (attempt < Attempts) continue;
                return UnitProblems.Busy();
            }
            var answer = respond(restructurings);
            var response = new IdempotentResponse
            {
                Id = idempotency?.Id ?? "",
                Fingerprint = idempotency?.Fingerprint ?? "",
                Status = answer.Status,
                Location = answer.Location,
                Version = answer.Version,
                Body = JsonSerializer.Serialize(answer.Body, ApiJson.Options(http)),
            };
            if (options.DryRun) return response.Replay(response.Fingerprint);
            if (idempotency is not null) session.Insert(response);
            UnitLocks.Append(session, appended, states, before);
            try
            {
                databaseAttempt.MarkIrreversible();
                await session.SaveChangesAsync(cancellation);
                return response.Replay(response.Fingerprint);
            }
            catch (Exception e) when (VersionedWrites.IsConcurrencyConflict(e) && ifMatch is null
                                      && attempt < Attempts)
            {
                // Another writer appended to one of the units first: decide again on the newer states.
            }
            catch (Exception e) when (VersionedWrites.IsConcurrencyConflict(e))
            {
                return UnitProblems.Busy();
            }
            catch (DocumentAlreadyExistsException) when (idempotency is not null)
            {
                return await idempotency.RacedBy(store, cancellation);
            }
        }
    }

    /// <summary>409: a restructuring breaks a rule; <c>unit</c> names the unit that breaks it, <c>parentCode</c> the
    /// parent given to it or kept by it when that parent breaks it, <c>subDepartments</c> those an ended department
    /// would leave without a parent, and <c>decisionNo</c> the act of the restructuring that breaks it. The
    /// detail is the rule's sentence, or <paramref name="sentence"/> saying how the unit breaks it.
    /// </summary>
    private static IResult Rejected(
        RestructuringRejected rejected, string? decisionNo, string? sentence = null, string? registeredAs = null)
    {
        var extensions = new Dictionary<string, object?>
        {
            ["rule"] = rejected.Broken.Id,
            ["unit"] = rejected.Unit,
            ["decisionNo"] = decisionNo,
        };
        if (registeredAs is not null) extensions["registeredAs"] = registeredAs;
        if (rejected.Parent is not null) extensions["parentCode"] = rejected.Parent;
        if (rejected.SubDepartments is not null) extensions["subDepartments"] = rejected.SubDepartments;
        var unit = rejected switch
        {
            { Parent: { } parent } => $"{rejected.Unit} (parent {parent})",
            { SubDepartments: { } subDepartments } =>
                $"{rejected.Unit} (sub-departments {string.Join(", ", subDepartments)})",
            _ => rejected.Unit,
        };
        return Results.Problem(
            type: WriteProblems.RuleType(rejected.Broken),
            title: "The restructuring breaks a rule of the ledger.",
            detail: (decisionNo is null ? "" : $"{decisionNo}: ")
                + (unit is null
                    ? rejected.Broken.Sentence
                    : $"{unit}: {sentence ?? rejected.Sentence ?? rejected.Broken.Sentence}"),
            statusCode: StatusCodes.Status409Conflict,
            extensions: extensions);
    }
}
