using System.Buffers;
using System.Runtime.ExceptionServices;
using Descent.Numerics;

namespace Descent.Data.Parsing;

/// <summary>
/// Parses the data rows of a large CSV stream on several threads: this thread reads ~4 MB blocks, cuts each after
/// its last record end (a '\n' outside quotes, so quoted line breaks stay inside a block), counts the block's
/// lines so every block knows the line its first record starts on, and hands it to a worker that runs a
/// <see cref="CsvRowParser"/> on it. At most two blocks per thread are in memory at once, so the file's text is
/// never held whole. Blocks are joined in file order; when several fail, the error of the earliest block is
/// thrown, so the result and the error are the same as a sequential read.
/// </summary>
internal static class ParallelCsvParser
{
    /// <summary>Bytes per block.</summary>
    public const int BlockSize = 4 << 20;

    public static (Matrix<double> Features, CsvRowParser[] Blocks) Parse(CsvRecordReader headerReader, Stream stream,
        string source, char delimiter, string[] header, int[] featureIndices, int targetIndex, int threads, int blockSize = BlockSize)
    {
        var (buffer, start, length, nextLine, endOfStream) = headerReader.TakeRemaining();
        byte[] block = ArrayPool<byte>.Shared.Rent(Math.Max(blockSize, length * 2));
        Buffer.BlockCopy(buffer, start, block, 0, length);
        int filled = length;

        var errors = new SortedDictionary<int, ExceptionDispatchInfo>();
        var tasks = new List<Task<CsvRowParser?>>();   // block i's parser, or null when it failed
        using var gate = new SemaphoreSlim(2 * threads);
        bool failed = false;
        while (!Volatile.Read(ref failed))
        {
            while (!endOfStream && filled < block.Length)
            {
                int read = stream.Read(block, filled, block.Length - filled);
                endOfStream = read == 0;
                filled += read;
            }
            if (filled == 0)
                break;
            int cut = endOfStream ? filled : AfterLastRecord(block, filled);
            if (cut < 0)
            {
                if (block.Length >= CsvRecordReader.MaxRecordBytes)
                {
                    ArrayPool<byte>.Shared.Return(block);
                    throw CsvErrors.LineTooLong(source, nextLine, CsvRecordReader.MaxRecordBytes);
                }
                // One record longer than a block.
                byte[] larger = ArrayPool<byte>.Shared.Rent((int)Math.Min(2L * block.Length, CsvRecordReader.MaxRecordBytes));
                Buffer.BlockCopy(block, 0, larger, 0, filled);
                ArrayPool<byte>.Shared.Return(block);
                block = larger;
                continue;
            }
            byte[] next = ArrayPool<byte>.Shared.Rent(Math.Max(blockSize, (filled - cut) * 2));
            Buffer.BlockCopy(block, cut, next, 0, filled - cut);

            int index = tasks.Count;
            byte[] data = block;
            long firstLine = nextLine;
            nextLine += block.AsSpan(0, cut).Count((byte)'\n');   // before the worker may unescape quotes in place
            gate.Wait();
            tasks.Add(Task.Run(() =>
            {
                try
                {
                    var parser = new CsvRowParser(source, header, featureIndices, targetIndex);
                    parser.ParseAll(new CsvRecordReader(data, cut, source, delimiter, firstLine));
                    return parser;
                }
                catch (Exception e)
                {
                    lock (errors)
                        errors[index] = ExceptionDispatchInfo.Capture(e);
                    Volatile.Write(ref failed, true);
                    return null;
                }
                finally
                {
                    ArrayPool<byte>.Shared.Return(data);
                    gate.Release();
                }
            }));

            block = next;
            filled -= cut;
            if (endOfStream && filled == 0)
                break;
        }
        // The last block array was never handed to a worker.
        ArrayPool<byte>.Shared.Return(block);
        Task.WaitAll(tasks);
        if (errors.Count > 0)
            errors.First().Value.Throw();
        CsvRowParser[] blocks = tasks.Select(t => t.Result!).ToArray();
        return (RowStore.Concatenate(blocks.Select(b => b.Rows).ToArray(), featureIndices.Length), blocks);
    }

    /// <summary>The index just after the last '\n' of <paramref name="data"/>[0, <paramref name="length"/>) that is outside quotes, or -1.</summary>
    private static int AfterLastRecord(byte[] data, int length)
    {
        ReadOnlySpan<byte> span = data.AsSpan(0, length);
        if (span.IndexOf((byte)'"') < 0)
        {
            int newline = span.LastIndexOf((byte)'\n');
            return newline < 0 ? -1 : newline + 1;
        }
        bool inQuotes = false;
        int last = -1;
        for (int i = 0; i < span.Length; i++)
        {
            if (span[i] == (byte)'"')
                inQuotes = !inQuotes;
            else if (span[i] == (byte)'\n' && !inQuotes)
                last = i;
        }
        return last < 0 ? -1 : last + 1;
    }
}
