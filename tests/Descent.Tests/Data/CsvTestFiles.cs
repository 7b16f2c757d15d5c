using System.Text;

namespace Descent.Tests.Data;

/// <summary>Writes CSV text to a temporary file named for the test, and deletes it afterwards.</summary>
internal sealed class CsvTestFile : IDisposable
{
    public CsvTestFile(string content, string name = "data.csv", bool byteOrderMark = false)
    {
        Directory = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "descent-tests", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
        Path = System.IO.Path.Combine(Directory, name);
        var bytes = new UTF8Encoding(byteOrderMark).GetPreamble().Concat(Encoding.UTF8.GetBytes(content)).ToArray();
        File.WriteAllBytes(Path, bytes);
    }

    public string Directory { get; }

    public string Path { get; }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
