using System.Text.Json.Nodes;
using Descent.Preprocessing;

namespace Descent.Persistence.Formats;

/// <summary>A <see cref="PolynomialFeaturesModel"/> step: <c>{"inputFeatureCount", "terms": [[0], [0, 1], ...]}</c>, each
/// output column as the sorted input columns multiplied in it ([] is the bias column).</summary>
internal sealed class PolynomialFeaturesModelFormat : IModelFormat
{
    public string Kind => "polynomial-features";

    public Type ModelType => typeof(PolynomialFeaturesModel);

    public JsonObject Write(object model)
    {
        var polynomial = (PolynomialFeaturesModel)model;
        var terms = new JsonArray();
        foreach (var term in polynomial.Terms)
            terms.Add(FormatFields.Integers(term));
        return new JsonObject { ["inputFeatureCount"] = polynomial.InputFeatureCount, ["terms"] = terms };
    }

    public object Read(ModelJsonReader reader, JsonObject json)
    {
        int inputs = FormatFields.ReadCount(reader, json, "inputFeatureCount", "preprocessing", 1);
        var array = reader.Array(json, "terms", "preprocessing");
        if (array.Count == 0)
            throw reader.Invalid("preprocessing.terms", "must list at least one term");
        var terms = new int[array.Count][];
        for (int c = 0; c < terms.Length; c++)
        {
            if (array[c] is not JsonArray term)
                throw reader.Invalid($"preprocessing.terms[{c}]", "must be an array of column indices");
            var holder = new JsonObject { ["term"] = term.DeepClone() };
            terms[c] = FormatFields.ReadIntegers(reader, holder, "term", $"preprocessing.terms[{c}]", 0, inputs - 1);
            for (int k = 1; k < terms[c].Length; k++)
                if (terms[c][k] < terms[c][k - 1])
                    throw reader.Invalid($"preprocessing.terms[{c}]", "must list its column indices in increasing order");
        }
        return new PolynomialFeaturesModel(inputs, terms);
    }
}
