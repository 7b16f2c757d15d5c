using System.Text;

namespace Descent.Cli.Infrastructure;

/// <summary>
/// Text from a user's files (column names, labels, cells) made safe for a terminal: every control character other than
/// a space becomes \xNN, so an ESC in a column name cannot reach the terminal and drive it.
/// </summary>
internal static class TerminalText
{
    /// <summary><paramref name="text"/> with its control characters written as \xNN.</summary>
    public static string Printable(string text)
    {
        if (!text.Any(char.IsControl))
            return text;
        var builder = new StringBuilder(text.Length + 8);
        foreach (char ch in text)
        {
            if (char.IsControl(ch))
                builder.Append($"\\x{(int)ch:X2}");
            else
                builder.Append(ch);
        }
        return builder.ToString();
    }
}
