namespace Descent.Numerics.Gemm;

/// <summary>
/// How the tiles of an m×n C are shared out among threads: as many threads as the work pays for (at least
/// <see cref="MinWorkPerThread"/> multiply-adds each, at most <see cref="Parallelism.MaxThreads"/>), taking ranges of
/// tile rows, or of tile columns when C is short and wide. Equal tile counts for a full C; for a lower triangle (SYRK),
/// where tile row r holds about r + 1 tiles, equal areas: part t starts at tile row round(tiles·√(t/T)). The plan
/// decides only who computes a tile, never how, so results do not depend on the thread count.
/// </summary>
internal readonly record struct TilePlan(int Threads, bool SplitRows, int Rows, int Columns, int TileRows, int TileColumns, bool Lower)
{
    /// <summary>Multiply-adds each thread should get at the least before another thread is worth waking.</summary>
    public const long MinWorkPerThread = 1L << 20;

    /// <summary>The plan for C (rows × columns) in tiles of tileRows × tileColumns, with <paramref name="work"/> multiply-adds in all.</summary>
    public static TilePlan For(int rows, int columns, long work, int tileRows, int tileColumns, bool lower)
    {
        int rowTiles = (rows + tileRows - 1) / tileRows, columnTiles = (columns + tileColumns - 1) / tileColumns;
        int threads = (int)Math.Clamp(work / MinWorkPerThread, 1, Parallelism.MaxThreads);
        bool splitRows = lower || rowTiles >= columnTiles || rowTiles >= 4 * threads;
        threads = Math.Min(threads, splitRows ? rowTiles : columnTiles);
        return new TilePlan(threads, splitRows, rows, columns, tileRows, tileColumns, lower);
    }

    /// <summary>Part <paramref name="t"/>'s range of C: rows [RowStart, RowEnd) × columns [ColumnStart, ColumnEnd).</summary>
    public (int RowStart, int RowEnd, int ColumnStart, int ColumnEnd) Part(int t)
    {
        if (SplitRows)
        {
            int tiles = (Rows + TileRows - 1) / TileRows;
            return (Start(tiles, t, Lower) * TileRows, Math.Min(Rows, Start(tiles, t + 1, Lower) * TileRows), 0, Columns);
        }
        int columnTiles = (Columns + TileColumns - 1) / TileColumns;
        return (0, Rows, Start(columnTiles, t, false) * TileColumns, Math.Min(Columns, Start(columnTiles, t + 1, false) * TileColumns));
    }

    private int Start(int tiles, int part, bool lowerTriangle) =>
        lowerTriangle
            ? (int)Math.Round(tiles * Math.Sqrt((double)part / Threads))
            : (int)((long)tiles * part / Threads);
}
