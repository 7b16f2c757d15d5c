using System.Text;
using Descent.Data;
using Descent.Data.Parsing;

namespace Descent.Tests.Data;

/// <summary>
/// Hostile CSV input (issue 17, items 6 and 12): a stream without line breaks is refused at the record limit instead of
/// growing the buffer until it overflows; a line delivered a few bytes at a time (a pipe) is searched once, not once
/// per refill; a line of only spaces and invalid UTF-8 in a label or a name are errors naming the line.
/// </summary>
public class CsvRobustnessTests
{
    [Fact]
    public void Read_UnquotedRecords_SplitAsStringSplitDoes_WhereverTheDelimitersFallInTheVectorBlocks()
    {
        // Fields of 0 to 40 bytes (padded with spaces or tabs now and then), so delimiters fall on every position of
        // the 32-byte blocks the splitter compares at once, and records end inside and at the edges of a block.
        var rng = new Random(3);
        var lines = new List<string>();
        for (int r = 0; r < 300; r++)
        {
            var fields = new List<string>();
            int count = 1 + rng.Next(12);
            for (int f = 0; f < count; f++)
            {
                string core = new string('x', rng.Next(41)) + (f == 0 ? "v" : "");
                fields.Add(rng.Next(5) == 0 ? " \t" + core + "  " : core);
            }
            lines.Add(string.Join(';', fields));
        }
        var bytes = Encoding.ASCII.GetBytes(string.Join("\n", lines) + "\n");
        using var reader = new CsvRecordReader(new MemoryStream(bytes), "split.csv", ';', bufferSize: 1024);
        foreach (string line in lines)
        {
            Assert.True(reader.Read());
            string[] expected = line.Split(';').Select(f => f.Trim(' ', '\t')).ToArray();
            Assert.Equal(expected.Length, reader.FieldCount);
            for (int f = 0; f < expected.Length; f++)
                Assert.Equal(expected[f], Encoding.ASCII.GetString(reader.Field(f)));
        }
        Assert.False(reader.Read());
    }

    [Fact]
    public void Read_StreamWithoutLineBreaks_IsRefusedAtTheLimit_NotAnOverflow()
    {
        var zeros = new TrickleStream("a,b\n"u8.ToArray(), 1 << 16, endless: true);
        using var reader = new CsvRecordReader(zeros, "/dev/zero", ',', bufferSize: 1024, maxRecordBytes: 1 << 20);
        Assert.True(reader.Read());
        var error = Assert.Throws<DescentDataException>(() => reader.Read());
        Assert.Equal("/dev/zero, line 2 is longer than the limit of 1 MiB (no line break in it); " +
            "a CSV file has one record per line: check that this is a text CSV file.", error.Message);
        Assert.Equal(2, error.Row);
    }

    [Fact]
    public void Read_LongQuotedRecordWithoutEnd_IsRefusedAtTheLimit()
    {
        var text = Encoding.ASCII.GetBytes("a,b\n1,\"");
        var stream = new TrickleStream(text, 4096, fill: (byte)'\n', endless: true);
        using var reader = new CsvRecordReader(stream, "quotes.csv", ',', bufferSize: 1024, maxRecordBytes: 1 << 16);
        Assert.True(reader.Read());
        var error = Assert.Throws<DescentDataException>(() => reader.Read());
        Assert.StartsWith("quotes.csv, line 2 is longer than the limit of 65536 bytes", error.Message);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Read_ALongLineFromAPipe_IsSearchedOnce(bool quoted)
    {
        // 2 MB in one record delivered one byte per Read: a refill that rescanned the record would search ~2·10¹² bytes
        // (hours); searching each byte once takes milliseconds. The bound below is only a guard against that hang.
        const int length = 2 << 20;
        var content = new byte[length + 8];
        content.AsSpan().Fill((byte)'x');
        "a\n"u8.CopyTo(content);
        if (quoted)
        {
            content[2] = (byte)'"';
            content[length / 2] = (byte)'\n';   // a line break inside the quoted field
            content[length + 5] = (byte)'"';
        }
        content[^2] = (byte)'\n';
        content[^1] = (byte)'\n';
        var read = Task.Run(() =>
        {
            using var reader = new CsvRecordReader(new TrickleStream(content, 1), "pipe", ',');
            Assert.True(reader.Read());
            Assert.True(reader.Read());
            return reader.Field(0).Length;
        });
        int fieldLength = await read.WaitAsync(TimeSpan.FromSeconds(60));   // TimeoutException: the search is quadratic
        Assert.Equal(quoted ? length + 2 : length + 4, fieldLength);
    }

    [Theory]
    [InlineData("a,b,y\n1,2,0\n   \n3,4,1\n", 3)]
    [InlineData("a,b,y\r\n1,2,0\r\n\t \r\n", 3)]
    [InlineData("a,b,y\n1,2,0\n3,4,1\n  ", 4)]
    public void Read_LineOfOnlySpaces_IsAnErrorNamingTheLine(string content, int line)
    {
        using var file = new CsvTestFile(content);
        var error = Assert.Throws<DescentDataException>(() => CsvReader.Read(file.Path, new CsvReadOptions { Target = "y" }));
        Assert.Equal($"{file.Path}, line {line} holds only spaces; delete the line, or write its values (an empty line is skipped).", error.Message);
    }

    [Fact]
    public void Read_EmptyLines_AreStillSkipped()
    {
        using var file = new CsvTestFile("a,y\n\n1,0\r\n\r\n2,1\n\n");
        Assert.Equal(2, CsvReader.Read(file.Path, new CsvReadOptions { Target = "y" }).Rows);
    }

    [Fact]
    public void Read_InvalidUtf8InAClassLabel_IsAnErrorNamingTheLine()
    {
        using var file = new CsvTestFile("");
        File.WriteAllBytes(file.Path, [.. "x,label\n1,cat\n2,caf"u8, 0xE9, .. "\n"u8]);
        var error = Assert.Throws<DescentDataException>(() => CsvReader.Read(file.Path, new CsvReadOptions { Target = "label" }));
        Assert.StartsWith($"{file.Path}, line 3, column 2 'label': the text is not valid UTF-8 (byte 0xE9 at position 4)", error.Message);
    }

    [Fact]
    public void Read_ValidReplacementCharacterInALabel_IsKept()
    {
        using var file = new CsvTestFile("x,label\n1,a\uFFFDb\n2,c\n");
        var data = CsvReader.Read(file.Path, new CsvReadOptions { Target = "label" });
        Assert.Equal(["a\uFFFDb", "c"], data.TargetLabels!);
    }

    [Fact]
    public void Read_InvalidUtf8InAColumnName_IsAnErrorNamingIt()
    {
        using var file = new CsvTestFile("");
        File.WriteAllBytes(file.Path, [.. "x,"u8, 0xFF, .. "\n1,2\n"u8]);
        var error = Assert.Throws<DescentDataException>(() => CsvReader.Read(file.Path));
        Assert.StartsWith($"{file.Path}, line 1, column 2: the text is not valid UTF-8 (byte 0xFF at position 1)", error.Message);
    }
}
