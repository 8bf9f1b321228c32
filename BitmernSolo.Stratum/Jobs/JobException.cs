namespace BitmernSolo.Stratum.Jobs;

/// <summary>A job cannot be built from these inputs (tag too long, fee larger than the reward, coin/template mismatch).</summary>
public sealed class JobException : Exception
{
    public JobException(string message)
        : base(message)
    {
    }

    public JobException()
    {
    }

    public JobException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
