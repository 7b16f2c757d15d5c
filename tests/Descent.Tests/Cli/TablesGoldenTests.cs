using System.Globalization;
using System.Text.Json;
using Descent.Cli;

namespace Descent.Tests.Cli;

/// <summary>
/// The messy-table route against scikit-learn (tests/reference/tables.py): the CLI reads the reference script's CSV files
/// as a user has them (an ID column, dates, categories, empty cells, thousands separators, a semicolon file with decimal
/// commas), fits with --impute and --standardize, and predicts rows holding an unseen category; the predictions equal
/// Pipeline(ColumnTransformer(SimpleImputer → OneHotEncoder(handle_unknown="ignore")), StandardScaler, model) to 1e-6,
/// and <c>cv</c> equals cross_val_score fold by fold.
/// </summary>
public class TablesGoldenTests
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "golden", "tables");

    public static TheoryData<int> Cases() => Golden.CaseIndices("tables", "tables");

    private static (int Code, string Out, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = CliApp.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void FitThenPredict_EqualsScikitLearnsPipeline(int index)
    {
        var golden = Golden.Load("tables", "tables").GetProperty("cases")[index];
        string model = Path.Combine(Path.GetTempPath(), $"descent-tables-{Guid.NewGuid():N}.json");
        try
        {
            string[] options = Golden.Strings(golden.GetProperty("options"));
            var fit = Run(["fit", golden.GetProperty("model").GetString()!, "--data", Path.Combine(Folder, golden.GetProperty("train").GetString()!),
                "--out", model, "--quiet", .. options]);
            Assert.True(fit.Code == 0, fit.Error);
            string[] separators = options.Select((o, i) => (o, i)).Where(p => p.o is "--decimal" or "--thousands")
                .SelectMany(p => new[] { p.o, options[p.i + 1] }).ToArray();
            bool classifier = golden.TryGetProperty("probabilities", out var probabilities);
            var predict = Run(["predict", "--model", model, "--data", Path.Combine(Folder, golden.GetProperty("predict").GetString()!),
                .. separators, .. classifier ? new[] { "--proba" } : []]);
            Assert.True(predict.Code == 0, predict.Error);
            if (!options.Contains("id,spend,city") && !options.Contains("id,segment,city"))
                Assert.Contains("column 'city' holds categories not seen in training", predict.Error);
            string[][] rows = predict.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split(',')).ToArray();
            if (classifier)
            {
                Assert.Equal(Golden.Strings(golden.GetProperty("predictions")), rows.Select(r => r[0]));
                double[][] expected = Golden.Rows(probabilities);
                for (int i = 0; i < rows.Length; i++)
                    Golden.Close(expected[i], rows[i].Skip(1).Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray(),
                        $"row {i} probabilities", 1e-6);
            }
            else
            {
                Golden.Close(Golden.Doubles(golden.GetProperty("predictions")), rows.Select(r => double.Parse(r[0], CultureInfo.InvariantCulture)).ToArray(),
                    "predictions", 1e-6);
            }
        }
        finally
        {
            File.Delete(model);
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Cv_EqualsCrossValScore_FoldByFold(int index)
    {
        var golden = Golden.Load("tables", "tables").GetProperty("cases")[index];
        var cv = Run(["cv", golden.GetProperty("model").GetString()!, "--data", Path.Combine(Folder, golden.GetProperty("train").GetString()!),
            "--json", .. Golden.Strings(golden.GetProperty("options"))]);
        Assert.True(cv.Code == 0, cv.Error);
        using var json = JsonDocument.Parse(cv.Out);
        Assert.Equal(golden.GetProperty("cv_scoring").GetString(), json.RootElement.GetProperty("scoring").GetString());
        Golden.Close(Golden.Doubles(golden.GetProperty("cv_scores")), Golden.Doubles(json.RootElement.GetProperty("scores")), "fold scores", 1e-6);
    }
}
