namespace Descent.Numerics.Gemm;

/// <summary>
/// How a product's tiles are shared out among threads: part t of T takes tiles [Start(t), Start(t + 1)). Equal counts
/// for a full C; for a lower triangle (SYRK), where tile row r holds about r + 1 tiles, equal areas: Start(t) =
/// round(tiles·√(t/T)). The split decides only who computes a tile, never how, so results do not depend on T.
/// </summary>
internal static class TileSplit
{
    public static int Start(int tiles, int part, int parts, bool lowerTriangle) =>
        lowerTriangle
            ? (int)Math.Round(tiles * Math.Sqrt((double)part / parts))
            : (int)((long)tiles * part / parts);
}
