namespace BitmernSolo.Stratum.Transactions;

/// <summary>A transaction's bytes do not decode (truncated, non-canonical, trailing data, unsupported flags).</summary>
public sealed class TransactionFormatException : FormatException
{
    public TransactionFormatException(string message)
        : base(message)
    {
    }

    public TransactionFormatException()
    {
    }

    public TransactionFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
