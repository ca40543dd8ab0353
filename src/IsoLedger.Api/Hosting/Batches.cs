using System.Collections.Concurrent;

namespace IsoLedger.Api.Hosting;

/// <summary>Runs work that arrives concurrently in batches, one batch at a time, without a timer: whatever waits is
/// taken as soon as the batch before it is done, so at light load a batch is one item and waits for nothing. The
/// caller that finds no batch running runs the batches itself (no hand-over to another thread for a lone item) until
/// its own item is done, then leaves what still waits to a runner of its own, so that no caller answers late for
/// others' work. <paramref name="run"/> settles every item of the batch it is given and never throws.</summary>
public sealed class Batches<T>(Func<List<T>, Task> run, int maxBatch)
{
    private readonly ConcurrentQueue<T> waiting = new();
    private int running;

    /// <summary>Items waiting for a batch.</summary>
    public int Waiting => waiting.Count;

    /// <summary>Queues <paramref name="item"/>, and runs batches if no one does; <paramref name="done"/> is the item's
    /// own completion.</summary>
    public Task Add(T item, Task done)
    {
        waiting.Enqueue(item);
        return Interlocked.CompareExchange(ref running, 1, 0) == 0 ? Run(done) : Task.CompletedTask;
    }

    private async Task Run(Task? done)
    {
        var batch = new List<T>();
        while (true)
        {
            while (batch.Count < maxBatch && waiting.TryDequeue(out var item)) batch.Add(item);
            if (batch.Count > 0)
            {
                await run(batch);
                batch.Clear();
                if (done is null || !done.IsCompleted) continue;
                Volatile.Write(ref running, 0);
                if (!waiting.IsEmpty && Interlocked.CompareExchange(ref running, 1, 0) == 0)
                    _ = Task.Run(() => Run(null));
                return;
            }
            Volatile.Write(ref running, 0);
            // An item queued after the last look, by a caller that saw this runner still running, is taken back.
            if (waiting.IsEmpty || Interlocked.CompareExchange(ref running, 1, 0) != 0) return;
        }
    }
}
