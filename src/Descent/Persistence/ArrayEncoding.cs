using System.Buffers;
using System.Buffers.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Descent.Numerics;

namespace Descent.Persistence;

/// <summary>
/// The compact encoding of a model file's large numeric arrays (format version 2). In place of a JSON array of
/// numbers, a field holds
/// <c>{"dtype": "float64" | "float32" | "int32" | "int16" | "int8", "count": n, "compression": "none" | "zlib", "base64": "..."}</c>:
/// the n values as little-endian bytes (IEEE 754 floats, two's-complement integers), compressed with zlib (RFC 1950,
/// with its Adler-32 checksum) when that makes them at least an eighth smaller, then written in base64 (RFC 4648,
/// padded). The keys come in that order. In Python:
/// <c>numpy.frombuffer(zlib.decompress(base64.b64decode(s)), "&lt;f8")</c>. Writing is exact and picks the narrowest
/// type (<see cref="PackedArray"/>): doubles that are all whole numbers in the int32 range (counts, class weights)
/// are written as the narrowest integer type that holds them, integers likewise.
/// </summary>
internal static class ArrayEncoding
{
    public const string TypeKey = "dtype", CountKey = "count", CompressionKey = "compression", DataKey = "base64";

    /// <summary>What lets <c>JsonValue.Create</c> hold an <see cref="EncodedArray"/> and write it encoded.</summary>
    public static readonly JsonTypeInfo<EncodedArray> TypeInfo = JsonMetadataServices.CreateValueInfo<EncodedArray>(
        new JsonSerializerOptions { TypeInfoResolver = JsonTypeInfoResolver.Combine() }, new Converter());

    /// <summary>Writes <paramref name="array"/> as the encoded JSON object, then hands the buffered bytes to the stream.</summary>
    public static void Write(Utf8JsonWriter writer, EncodedArray array)
    {
        array.Pack((type, count, compressed, bytes) =>
        {
            writer.WriteStartObject();
            writer.WriteString(TypeKey, type);
            writer.WriteNumber(CountKey, count);
            writer.WriteString(CompressionKey, compressed ? "zlib" : "none");
            writer.WriteBase64String(DataKey, bytes);
            writer.WriteEndObject();
            return true;
        });
        writer.Flush();
    }

    /// <summary>
    /// The packed array whose base64 text is <paramref name="base64"/>, for <paramref name="count"/> values of
    /// <paramref name="dtype"/>; every failure is reported through <paramref name="invalid"/>, which gets the
    /// requirement broken. The declared size is checked against the bytes present before anything is allocated
    /// (<see cref="PackedArray.ForLoading"/>); uncompressed values are decoded straight into their typed array, and
    /// compressed bytes are inflated only when the values are read.
    /// </summary>
    public static PackedArray Decode(string dtype, int count, bool compressed, ReadOnlySpan<byte> base64,
        Func<string, Exception> invalid)
    {
        if (base64.Length % 4 != 0)
            throw invalid("must be padded base64 (a multiple of 4 characters)");
        int padding = base64.Length == 0 ? 0 : base64[^1] != '=' ? 0 : base64[^2] != '=' ? 1 : 2;
        int stored = base64.Length / 4 * 3 - padding;
        PackedArray packed;
        try
        {
            packed = PackedArray.ForLoading(dtype, count, compressed, stored);
        }
        catch (InvalidDataException e)
        {
            throw invalid(e.Message);
        }
        if (Base64.DecodeFromUtf8(base64, packed.BytesToLoad, out int read, out int written) != OperationStatus.Done
            || read != base64.Length || written != stored)
            throw invalid("is not valid base64");
        return packed;
    }

    /// <summary>Writes an <see cref="EncodedArray"/> held in a JSON tree; such values are only ever read by <see cref="ModelJsonParser"/>.</summary>
    private sealed class Converter : JsonConverter<EncodedArray>
    {
        public override EncodedArray Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            throw new NotSupportedException("Encoded arrays are read by ModelJsonParser.");

        public override void Write(Utf8JsonWriter writer, EncodedArray value, JsonSerializerOptions options) =>
            ArrayEncoding.Write(writer, value);
    }
}
