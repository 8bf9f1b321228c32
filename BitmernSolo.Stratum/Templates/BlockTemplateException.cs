namespace BitmernSolo.Stratum.Templates;

/// <summary>A <c>getblocktemplate</c> result that cannot safely be mined on: the message names the field and the problem.</summary>
public sealed class BlockTemplateException : Exception
{
    public BlockTemplateException(string message)
        : base(message)
    {
    }

    public BlockTemplateException()
    {
    }

    public BlockTemplateException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
