using Descent.Numerics;

namespace Descent.Data;

/// <summary>
/// Fashion-MNIST (Xiao, Rasul and Vollgraf 2017; MIT licence, © Zalando SE): 28×28 grey images of clothing in 10
/// classes, 60,000 for training and 10,000 for testing, read from the IDX files of Debian's
/// <c>dataset-fashion-mnist</c> package (<c>/usr/share/datasets/fashion-mnist/</c>). Features are the 784 pixel
/// values 0..255 named p0..p783 (row-major, <c>p{28*row+col}</c>); the target <c>label</c> is 0..9
/// (<see cref="ClassNames"/>).
/// </summary>
public static class FashionMnist
{
    /// <summary>Where Debian's package puts the files.</summary>
    public const string DefaultDirectory = "/usr/share/datasets/fashion-mnist";

    internal const string TrainName = "fashion-mnist";
    internal const string TestName = "fashion-mnist-test";

    /// <summary>The names of classes 0..9.</summary>
    public static IReadOnlyList<string> ClassNames { get; } =
        ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"];

    internal static readonly DatasetInfo[] Infos =
    [
        new(TrainName, 60000, 785, "classification (10 classes)", "label",
            "Fashion-MNIST training set: 28x28 clothing images, pixels 0..255 (Zalando, MIT; Debian dataset-fashion-mnist)"),
        new(TestName, 10000, 785, "classification (10 classes)", "label",
            "Fashion-MNIST test set: 28x28 clothing images, pixels 0..255 (Zalando, MIT; Debian dataset-fashion-mnist)"),
    ];

    /// <summary>True when the four IDX files are in <paramref name="directory"/> (default <see cref="DefaultDirectory"/>).</summary>
    public static bool IsInstalled(string? directory = null)
    {
        directory ??= DefaultDirectory;
        return File.Exists(ImagesPath(directory, train: true)) && File.Exists(LabelsPath(directory, train: true))
            && File.Exists(ImagesPath(directory, train: false)) && File.Exists(LabelsPath(directory, train: false));
    }

    /// <summary>The training set (<paramref name="train"/>) or the test set as a dataset of 784 pixel features and the label.</summary>
    /// <exception cref="DescentDataException">The files are missing (the message says how to install them), or invalid.</exception>
    public static Dataset Load(bool train = true, string? directory = null)
    {
        directory ??= DefaultDirectory;
        (IdxArray images, IdxArray labels) = LoadArrays(train, directory);
        int count = images.Count, size = images.ItemSize;
        var features = new Matrix<double>(count, size);
        Span<double> values = features.AsSpan();
        byte[] pixels = images.Values;
        for (int i = 0; i < pixels.Length; i++)
            values[i] = pixels[i];
        var target = new double[count];
        var text = new string[count];
        string[] digits = Enumerable.Range(0, 10).Select(d => d.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        for (int i = 0; i < count; i++)
        {
            byte label = labels.Values[i];
            target[i] = label;
            text[i] = label < 10 ? digits[label] : label.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        string[] names = Enumerable.Range(0, size).Select(j => $"p{j}").ToArray();
        return new Dataset(features, names, "label", target, text, train ? TrainName : TestName);
    }

    /// <summary>
    /// The first <paramref name="count"/> images (all by default) of the training or test set as float32 pixels scaled to
    /// [0, 1] (value / 255), one row per image, with their labels 0..9: the input a network trains on, at half the
    /// memory of doubles.
    /// </summary>
    /// <exception cref="DescentDataException">The files are missing or invalid.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative or more than the set holds.</exception>
    public static (Matrix<float> Images, int[] Labels) LoadScaled(bool train = true, int? count = null, string? directory = null)
    {
        (IdxArray images, IdxArray labels) = LoadArrays(train, directory);
        int rows = count ?? images.Count;
        Check.Parameter(rows >= 0 && rows <= images.Count, "FashionMnist.LoadScaled", nameof(count), $"in [0, {images.Count}]", count);
        var x = new Matrix<float>(rows, images.ItemSize);
        Span<float> values = x.AsSpan();
        ReadOnlySpan<byte> pixels = images.Values.AsSpan(0, values.Length);
        for (int i = 0; i < values.Length; i++)
            values[i] = pixels[i] / 255f;
        int[] classes = new int[rows];
        for (int i = 0; i < rows; i++)
            classes[i] = labels.Values[i];
        return (x, classes);
    }

    /// <summary>The raw image and label arrays of the training or test set (bytes, for code that wants floats or its own scaling).</summary>
    /// <exception cref="DescentDataException">The files are missing or invalid, or the image and label counts differ.</exception>
    public static (IdxArray Images, IdxArray Labels) LoadArrays(bool train = true, string? directory = null)
    {
        directory ??= DefaultDirectory;
        string imagesPath = ImagesPath(directory, train), labelsPath = LabelsPath(directory, train);
        if (!File.Exists(imagesPath) || !File.Exists(labelsPath))
            throw new DescentDataException(
                $"Fashion-MNIST is not installed: {imagesPath} does not exist. Install Debian's package with " +
                "'apt-get install dataset-fashion-mnist'.", imagesPath);
        IdxArray images = IdxReader.ReadImages(imagesPath);
        IdxArray labels = IdxReader.ReadLabels(labelsPath);
        if (images.Count != labels.Count)
            throw new DescentDataException(
                $"{imagesPath} holds {images.Count} images but {labelsPath} holds {labels.Count} labels; they must match.", labelsPath);
        return (images, labels);
    }

    /// <summary>
    /// The dataset as <see cref="Datasets.Load"/> gives it by name: the target's labels are the class names
    /// (<see cref="ClassNames"/>: "T-shirt/top", "Trouser", ...), its numbers still 0..9.
    /// </summary>
    internal static Dataset LoadForOptions(bool train, CsvReadOptions? options, string? directory = null)
    {
        if (options?.Target is not null && options.Target != "label")
            throw new DescentDataException(
                $"Fashion-MNIST's target is 'label'; '{options.Target}' is not a column of it.", columnName: options.Target);
        Dataset data = Load(train, directory);
        var names = data.Target!.Select((v, i) => v is >= 0 and < 10 ? ClassNames[(int)v] : data.TargetLabels![i]).ToArray();
        data = new Dataset(data.Features, data.FeatureNames, data.TargetName, data.Target, names, data.Source);
        return options?.Features is null ? data : data.SelectFeatures(options.Features);
    }

    private static string ImagesPath(string directory, bool train) =>
        Path.Combine(directory, train ? "train-images-idx3-ubyte.gz" : "t10k-images-idx3-ubyte.gz");

    private static string LabelsPath(string directory, bool train) =>
        Path.Combine(directory, train ? "train-labels-idx1-ubyte.gz" : "t10k-labels-idx1-ubyte.gz");
}
