namespace IsoLedger.Api.Units;

/// <summary>How this node's group commit has been batching since it started: batch sizes in power-of-two buckets,
/// and how often a unit's snapshot had to be read because the node did not have it at the locked version.</summary>
/// <param name="Batches">Transactions the writer ran (each batch once, retries aside).</param>
/// <param name="Commands">Commands in those batches.</param>
/// <param name="Sizes">Batches per size: <c>upTo</c> is the bucket's largest size (1, 2, 4, 8, …).</param>
/// <param name="UnitsLocked">Units locked by the batches (each unit once per batch).</param>
/// <param name="SnapshotsRead">Of those, the units whose snapshot was read from the database.</param>
/// <param name="OnHeldStates">Batches decided on the states this node held and written in one round trip, without
/// locking and reading first (the others were decided under locks).</param>
/// <param name="Waiting">Commands waiting for the writer now.</param>
public sealed record UnitWriteStatistics(
    long Batches, long Commands, IReadOnlyList<BatchSizeBucket> Sizes, long UnitsLocked, long SnapshotsRead,
    long OnHeldStates, int Waiting);

/// <summary>How many batches of a range of sizes the writer ran.</summary>
/// <param name="UpTo">The bucket's largest batch size: 1, 2, 4, …, 256; it counts the sizes above the previous
/// bucket's (3–4 for 4).</param>
/// <param name="Batches">The batches of those sizes since the node started.</param>
public sealed record BatchSizeBucket(int UpTo, long Batches);

public sealed class UnitWriteMetrics
{
    /// <summary>Sizes 1, 2, 3–4, …, 129–256: the writer takes at most 256 commands at a time.</summary>
    private readonly long[] buckets = new long[9];
    private long batches;
    private long commands;
    private long unitsLocked;
    private long snapshotsRead;
    private long onHeldStates;

    public void Batch(int size)
    {
        Interlocked.Increment(ref batches);
        Interlocked.Add(ref commands, size);
        var bucket = Math.Min(buckets.Length - 1, (int)Math.Ceiling(Math.Log2(size)));
        Interlocked.Increment(ref buckets[bucket]);
    }

    public void Loaded(int units, int read)
    {
        Interlocked.Add(ref unitsLocked, units);
        Interlocked.Add(ref snapshotsRead, read);
    }

    public void WrittenOnHeldStates() => Interlocked.Increment(ref onHeldStates);

    public UnitWriteStatistics Read(int waiting) => new(
        Interlocked.Read(ref batches), Interlocked.Read(ref commands),
        buckets.Select((_, i) => new BatchSizeBucket(1 << i, Interlocked.Read(ref buckets[i]))).ToList(),
        Interlocked.Read(ref unitsLocked), Interlocked.Read(ref snapshotsRead),
        Interlocked.Read(ref onHeldStates), waiting);
}
