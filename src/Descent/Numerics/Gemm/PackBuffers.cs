using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Descent.Numerics.Gemm;

/// <summary>
/// Per-thread scratch memory for packed panels: one pinned array per thread and element type, grown on demand and
/// kept for the thread's next product, so steady-state GEMM calls allocate nothing. Regions are 64-byte aligned.
/// </summary>
internal static unsafe class PackBuffers<T> where T : unmanaged
{
    private const int Alignment = 64;

    [ThreadStatic]
    private static T[]? _storage;

    /// <summary>Three aligned regions of the given element counts, valid until this thread's next call.</summary>
    public static void Get(int countA, int countB, int countTile, out T* a, out T* b, out T* tile)
    {
        nint bytesA = AlignUp((nint)countA * sizeof(T)), bytesB = AlignUp((nint)countB * sizeof(T));
        nint total = bytesA + bytesB + AlignUp((nint)countTile * sizeof(T)) + Alignment;
        int elements = (int)((total + sizeof(T) - 1) / sizeof(T));
        var storage = _storage;
        if (storage is null || storage.Length < elements)
            _storage = storage = GC.AllocateUninitializedArray<T>(elements, pinned: true);
        // The array lives on the pinned object heap, so its address is stable.
        nint start = (nint)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(storage));
        byte* aligned = (byte*)AlignUp(start);
        a = (T*)aligned;
        b = (T*)(aligned + bytesA);
        tile = (T*)(aligned + bytesA + bytesB);
    }

    private static nint AlignUp(nint value) => (value + (Alignment - 1)) & ~(nint)(Alignment - 1);
}
