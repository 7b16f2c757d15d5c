using System.Runtime.InteropServices;
using System.Text;

namespace Descent.Data.Parsing;

/// <summary>
/// Maps the UTF-8 bytes of a categorical cell to its category code (0, 1, ... in order of first appearance) without
/// decoding the cell: an open-addressing hash table over byte spans. Only a new category is decoded to a string
/// (and checked to be valid UTF-8), so a column of a million cells holds a handful of strings.
/// </summary>
internal sealed class CategoryInterner
{
    private readonly List<byte[]> _keys = [];
    private readonly List<string> _categories = [];
    private int[] _slots = new int[64];   // code + 1; 0 is empty

    /// <summary>The categories, in order of first appearance.</summary>
    public List<string> Categories => _categories;

    /// <summary>The code of <paramref name="cell"/>, adding it when new (<paramref name="added"/>); null when it is not valid UTF-8.</summary>
    public int? Intern(ReadOnlySpan<byte> cell, out bool added)
    {
        added = false;
        uint hash = Hash(cell);
        int mask = _slots.Length - 1;
        for (int slot = (int)(hash & (uint)mask); ; slot = (slot + 1) & mask)
        {
            int entry = _slots[slot];
            if (entry == 0)
                break;
            if (cell.SequenceEqual(_keys[entry - 1]))
                return entry - 1;
        }
        if (!System.Text.Unicode.Utf8.IsValid(cell))
            return null;
        int code = _categories.Count;
        added = true;
        _keys.Add(cell.ToArray());
        _categories.Add(Encoding.UTF8.GetString(cell));
        if (2 * (code + 1) > _slots.Length)
            Rehash();
        else
            Insert(hash, code);
        return code;
    }

    /// <summary>The code of <paramref name="text"/>, adding it when new (for cells converted from numbers or dates).</summary>
    public int Intern(string text) => Intern(Encoding.UTF8.GetBytes(text), out _)!.Value;

    private void Insert(uint hash, int code)
    {
        int mask = _slots.Length - 1;
        int slot = (int)(hash & (uint)mask);
        while (_slots[slot] != 0)
            slot = (slot + 1) & mask;
        _slots[slot] = code + 1;
    }

    private void Rehash()
    {
        _slots = new int[_slots.Length * 2];
        for (int code = 0; code < _keys.Count; code++)
            Insert(Hash(_keys[code]), code);
    }

    /// <summary>FNV-1a over 4-byte words, then the tail.</summary>
    private static uint Hash(ReadOnlySpan<byte> bytes)
    {
        uint hash = 2166136261;
        ReadOnlySpan<uint> words = MemoryMarshal.Cast<byte, uint>(bytes);
        foreach (uint word in words)
            hash = (hash ^ word) * 16777619;
        for (int i = words.Length * 4; i < bytes.Length; i++)
            hash = (hash ^ bytes[i]) * 16777619;
        return hash ^ (hash >> 15);
    }
}
