using System.Security.Cryptography;
using System.Text;

namespace BitmernSolo.Web.Email;

/// <summary>Builds the unique key that makes a notice happen once: <c>kind:part:part…</c>.</summary>
public static class DeduplicationKey
{
    public const int MaxLength = 256;

    /// <summary>
    /// Joins the parts with ':'. A key longer than the column (long address plus worker name plus user id) becomes the kind
    /// and the SHA-256 of the whole key: still unique, still readable by kind.
    /// </summary>
    public static string Create(string kind, params ReadOnlySpan<string> parts)
    {
        var key = new StringBuilder(kind);
        foreach (var part in parts)
        {
            key.Append(':').Append(part);
        }

        var text = key.ToString();
        return text.Length <= MaxLength
            ? text
            : kind + ":sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}
