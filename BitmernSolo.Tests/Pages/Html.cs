namespace BitmernSolo.Tests.Pages;

/// <summary>Small readers for prerendered HTML.</summary>
public static class Html
{
    /// <summary>The text of the element carrying <c>data-figure="name"</c> (see the Figure component).</summary>
    public static string Figure(string html, string name)
    {
        var at = html.IndexOf($"data-figure=\"{name}\"", StringComparison.Ordinal);
        Assert.True(at >= 0, $"no figure '{name}' on the page");
        var start = html.IndexOf('>', at) + 1;
        return html[start..html.IndexOf('<', start)];
    }
}
