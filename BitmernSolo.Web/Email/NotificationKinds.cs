namespace BitmernSolo.Web.Email;

/// <summary>The <c>Kind</c> values written to the notification log.</summary>
public static class NotificationKinds
{
    public const string WorkerOffline = "worker-offline";
    public const string WorkerOnline = "worker-online";
    public const string BlockFound = "block-found";
    public const string PayoutMatured = "payout";
    public const string DailySummary = "daily-summary";
    public const string ConfirmAccount = "account-confirm";
    public const string ResetPassword = "account-reset";
    public const string ResetCode = "account-reset-code";

    /// <summary>Account e-mails carry single-use tokens; their bodies are dropped from the log once delivered.</summary>
    public static bool CarriesSecret(string kind) => kind.StartsWith("account-", StringComparison.Ordinal);
}
