namespace IsoLedger.Api.Imports;

/// <summary>The folder an upload is spooled in: an uploaded table's copy (read twice, never held in memory) and a
/// workbook sheet's rows below its header (written while its merged ranges are not yet known). Set by
/// <c>IsoLedger:Imports:TempFolder</c>, by default the system's temporary folder. A file it cannot create or write (the
/// folder missing, not a folder, not writable; the disk full) is a failure of the server's storage, not of the upload:
/// thrown as a <see cref="TempStorageException"/>, which answers 503.</summary>
public sealed class TempFolder(string path)
{
    public const string Setting = "IsoLedger:Imports:TempFolder";

    public string Path { get; } = path;

    public static TempFolder From(IConfiguration configuration) =>
        new(configuration[Setting] is { Length: > 0 } folder ? folder : System.IO.Path.GetTempPath());

    /// <summary>A new file, empty, to write then read, deleted when it is closed (whatever ends the import). It is
    /// not buffered: what is written is written in <see cref="Storing{T}"/>, never left to fail when the file is
    /// closed.</summary>
    public FileStream Create() => Storing(() => new FileStream(
        System.IO.Path.Combine(Path, System.IO.Path.GetRandomFileName()), FileMode.CreateNew, FileAccess.ReadWrite,
        FileShare.None, bufferSize: 0, FileOptions.DeleteOnClose));

    /// <summary><paramref name="file"/> (of <see cref="Create"/>) to read from its start, through a buffer (the file
    /// has none), left open when the reader closes it: an upload's copy is read twice, and deleted when its writer
    /// closes it.</summary>
    public static Stream FromStart(FileStream file) => new BufferedStream(new KeptOpen(file), ReadBufferBytes);

    private const int ReadBufferBytes = 1 << 16;

    /// <summary>A reader of the file at its own position. Two read it at once: a table's reader and, when a line is
    /// not UTF-8, another from the start to find that line. A buffered reader that closes seeks back by what it had
    /// read ahead; at the file's one position the second had moved, that seek went before the file's start (a file of
    /// UTF-16 without its byte order mark, longer than a read-ahead, answered 500).</summary>
    private sealed class KeptOpen(FileStream file) : Stream
    {
        private long position;

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var read = RandomAccess.Read(file.SafeFileHandle, buffer, position);
            position += read;
            return read;
        }

        public override async ValueTask<int> ReadAsync(
            Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var read = await RandomAccess.ReadAsync(file.SafeFileHandle, buffer, position, cancellationToken);
            position += read;
            return read;
        }

        public override Task<int> ReadAsync(
            byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override long Seek(long offset, SeekOrigin origin) => Position = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => position + offset,
            _ => file.Length + offset,
        };

        public override long Length => file.Length;

        public override long Position
        {
            get => position;
            set => position = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value));
        }

        public override bool CanRead => true;
        public override bool CanSeek => true;
        public override bool CanWrite => false;
        public override void Flush() { }
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    /// <summary>Runs <paramref name="store"/>, which writes a file of the folder, turning what the storage throws into
    /// a <see cref="TempStorageException"/>.</summary>
    public T Storing<T>(Func<T> store)
    {
        try
        {
            return store();
        }
        catch (Exception e) when (IsStorageFailure(e))
        {
            throw new TempStorageException(Path, e);
        }
    }

    /// <inheritdoc cref="Storing{T}"/>
    public async Task Storing(Func<Task> store)
    {
        try
        {
            await store();
        }
        catch (Exception e) when (IsStorageFailure(e))
        {
            throw new TempStorageException(Path, e);
        }
    }

    /// <summary>What a file system throws: an I/O error (no space, no such folder, not a folder) or a refused access.
    /// A stream read past its end is not one: a damaged workbook read while spooling its sheet throws it.</summary>
    private static bool IsStorageFailure(Exception e) =>
        e is IOException and not EndOfStreamException or UnauthorizedAccessException;
}

/// <summary>A file of the <see cref="TempFolder"/> could not be created or written: the server's storage failed,
/// nothing of the upload was recorded.</summary>
public sealed class TempStorageException(string folder, Exception cause)
    : Exception($"The temporary folder {folder} could not be written: {cause.Message}", cause)
{
    public string Folder { get; } = folder;
}
