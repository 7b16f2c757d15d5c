using System.Reflection;

namespace Descent.Data;

/// <summary>
/// The small real datasets shipped inside the library (iris, wine, breast_cancer, diabetes, digits, exam_scores,
/// house_prices, food_truck, play_tennis; provenance and licences in src/Descent/Data/Embedded/README.md) and Fashion-MNIST when
/// Debian's <c>dataset-fashion-mnist</c> package is installed. The target is the last column; class labels are
/// kept as the files write them (iris: 0 setosa, 1 versicolor, 2 virginica).
/// </summary>
public static class Datasets
{
    private static readonly DatasetInfo[] Embedded =
    [
        new("iris", 150, 5, "classification (3 classes)", "species",
            "Fisher's iris flowers: 4 measurements in cm; species 0 setosa, 1 versicolor, 2 virginica (UCI, CC BY 4.0)"),
        new("wine", 178, 14, "classification (3 classes)", "cultivar",
            "13 chemical measurements of wines from 3 grape cultivars (UCI, CC BY 4.0)"),
        new("breast_cancer", 569, 31, "binary classification", "malignant",
            "30 cell-nucleus features; malignant 1, benign 0 (UCI Wisconsin diagnostic, CC BY 4.0)"),
        new("diabetes", 442, 11, "regression", "progression",
            "10 baseline measurements in raw units; disease progression after one year (Efron et al. 2004)"),
        new("digits", 1797, 65, "classification (10 classes)", "digit",
            "8x8 images of handwritten digits, pixel counts 0..16 (UCI optdigits test set, CC BY 4.0)"),
        new("exam_scores", 100, 3, "binary classification", "admitted",
            "two exam scores and admission 0/1 (Andrew Ng's machine learning course, exercise 2)"),
        new("house_prices", 47, 3, "regression", "price",
            "house size in square feet and bedrooms; price in USD (Andrew Ng's course, exercise 1)"),
        new("food_truck", 97, 2, "regression", "profit_10k_usd",
            "city population in 10,000s; food-truck profit in $10,000s (Andrew Ng's course, exercise 1)"),
        new("play_tennis", 14, 5, "classification (2 classes), categorical features", "play",
            "Quinlan's 14 days of weather (outlook, temperature, humidity, wind) and whether tennis was played; load with LoadTable"),
    ];

    /// <summary>Every dataset available here: the embedded ones, then Fashion-MNIST's train and test sets when installed.</summary>
    public static IReadOnlyList<DatasetInfo> List()
    {
        var list = new List<DatasetInfo>(Embedded);
        if (FashionMnist.IsInstalled())
            list.AddRange(FashionMnist.Infos);
        return list;
    }

    /// <summary>True when <paramref name="name"/> names an available dataset ('-' and '_' are interchangeable, case ignored).</summary>
    public static bool Exists(string name) => Find(name) is not null;

    /// <summary>
    /// Loads the dataset called <paramref name="name"/>. The target is its last column unless
    /// <paramref name="options"/> names another; <see cref="CsvReadOptions.Features"/> selects feature columns.
    /// </summary>
    /// <exception cref="DescentDataException">No dataset has that name (the message lists them), or a column named in the options does not exist.</exception>
    public static Dataset Load(string name, CsvReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        DatasetInfo info = Find(name) ?? throw Unknown(name);
        if (FashionMnist.Infos.Any(i => i.Name == info.Name))
            return FashionMnist.LoadForOptions(info.Name == FashionMnist.TrainName, options);
        options ??= new CsvReadOptions();
        if (options.Target is null)
            options = options with { LastColumnIsTarget = true };
        return CsvReader.Read(OpenEmbeddedCsv(info.Name), $"{info.Name}.csv", options);
    }

    /// <summary>
    /// Loads the dataset called <paramref name="name"/> as a <see cref="Table"/>, its columns as they are (numbers,
    /// categories, dates): the way to read one with categorical features, such as play_tennis, which
    /// <see cref="Load"/> cannot turn into numbers. The target is the last column unless <paramref name="options"/> names another.
    /// </summary>
    /// <exception cref="DescentDataException">No dataset has that name, or the options name a column that does not exist.</exception>
    public static Table LoadTable(string name, TableReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        DatasetInfo info = Find(name) ?? throw Unknown(name);
        options ??= new TableReadOptions();
        if (!Embedded.Contains(info))
            return Table.FromDataset(Load(name, new CsvReadOptions { Target = options.Target, Features = options.Features }));
        return TableReader.Read(OpenEmbeddedCsv(info.Name), $"{info.Name}.csv", options with { LastColumnIsTarget = options.Target is null });
    }

    /// <summary>What <see cref="List"/> says about the dataset called <paramref name="name"/>.</summary>
    /// <exception cref="DescentDataException">No dataset has that name (the message lists them).</exception>
    public static DatasetInfo GetInfo(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Find(name) ?? throw Unknown(name);
    }

    /// <summary>True when <paramref name="name"/> is stored in the library as a CSV file (<see cref="OpenCsv"/> works).</summary>
    public static bool IsEmbeddedCsv(string name) => Find(name) is { } info && Embedded.Contains(info);

    /// <summary>The embedded CSV file of <paramref name="name"/>, byte for byte as shipped.</summary>
    /// <exception cref="DescentDataException">No embedded dataset has that name.</exception>
    public static Stream OpenCsv(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        DatasetInfo info = Find(name) ?? throw Unknown(name);
        if (!Embedded.Contains(info))
            throw new DescentDataException($"'{info.Name}' is not stored as CSV; load it with Datasets.Load and write it with CsvWriter.");
        return OpenEmbeddedCsv(info.Name);
    }

    private static DatasetInfo? Find(string name)
    {
        string wanted = Normalize(name);
        foreach (DatasetInfo info in List())
            if (Normalize(info.Name) == wanted)
                return info;
        return null;
    }

    private static string Normalize(string name) => name.Trim().Replace('-', '_').ToLowerInvariant();

    private static Stream OpenEmbeddedCsv(string name) =>
        Assembly.GetExecutingAssembly().GetManifestResourceStream($"Descent.Data.Embedded.{name}.csv")
        ?? throw new InvalidOperationException($"The embedded resource for '{name}' is missing from the Descent assembly.");

    private static DescentDataException Unknown(string name)
    {
        var names = List().Select(i => i.Name).ToList();
        string fashion = FashionMnist.IsInstalled() ? "" : " (fashion-mnist needs Debian's dataset-fashion-mnist package)";
        return new DescentDataException(
            $"No dataset is called '{name}'{ColumnNames.Suggest(name, names)}; the datasets are {string.Join(", ", names)}{fashion}.");
    }
}
