using System.Text.Json.Nodes;

namespace Descent.Persistence;

/// <summary>
/// How one kind of fitted object (a model or a preprocessing step) is written to and read from JSON. The object's
/// JSON carries <c>"kind": Kind</c>; <see cref="Read"/> gets the object back exactly (doubles round-trip bit for bit).
/// </summary>
public interface IModelFormat
{
    /// <summary>The kind name written in the file, e.g. "linear".</summary>
    string Kind { get; }

    /// <summary>The .NET type this format writes.</summary>
    Type ModelType { get; }

    /// <summary>
    /// The model-file format version this format writes: 1 for the layout of the first release, higher for a kind
    /// whose layout changed (trees and forests write version 2, with encoded arrays). A file declares the highest
    /// version among its model and steps; <see cref="Read"/> gets that version from the reader's FormatVersion.
    /// </summary>
    int FormatVersion => 1;

    /// <summary>The parameters of <paramref name="model"/> as JSON (without the "kind" field, which the caller adds).</summary>
    JsonObject Write(object model);

    /// <summary>The object described by <paramref name="json"/>; malformed content throws with <paramref name="reader"/>'s messages.</summary>
    object Read(ModelJsonReader reader, JsonObject json);
}
