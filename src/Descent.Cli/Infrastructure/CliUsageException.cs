namespace Descent.Cli.Infrastructure;

/// <summary>Bad usage found by a command after parsing (an option combination, a value out of range): exit code 2.</summary>
internal sealed class CliUsageException : Exception
{
    public CliUsageException(string message)
        : base(message)
    {
    }
}
