using BitmernSolo.Web.Configuration;
using BitmernSolo.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace BitmernSolo.Web.Components.Account;

/// <summary>
/// Makes sure the <c>Admin</c> role exists and the account named by <c>Admin:Email</c> has it. Idempotent: an existing
/// account keeps its password (the configured one only seeds a new account), so changing it in the UI sticks.
/// </summary>
internal sealed partial class AdminBootstrapper(
    IServiceScopeFactory scopeFactory,
    IOptions<AdminOptions> options,
    ILogger<AdminBootstrapper> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        if (!await roles.RoleExistsAsync(AccountExtensions.AdminRole).ConfigureAwait(false))
        {
            Check(await roles.CreateAsync(new IdentityRole(AccountExtensions.AdminRole)).ConfigureAwait(false), "create the Admin role");
        }

        var admin = options.Value;
        if (!admin.IsConfigured)
        {
            LogNoAdmin(logger);
            return;
        }

        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await users.FindByEmailAsync(admin.Email!).ConfigureAwait(false);
        if (user is null)
        {
            user = new ApplicationUser { UserName = admin.Email, Email = admin.Email, EmailConfirmed = true };
            Check(await users.CreateAsync(user, admin.Password!).ConfigureAwait(false), "create the admin account (Admin:Password)");
            LogCreated(logger, admin.Email!);
        }

        if (!await users.IsInRoleAsync(user, AccountExtensions.AdminRole).ConfigureAwait(false))
        {
            Check(await users.AddToRoleAsync(user, AccountExtensions.AdminRole).ConfigureAwait(false), "give the admin account the Admin role");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(
                $"Could not {what}: {string.Join("; ", result.Errors.Select(error => error.Description))}");
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "No administrator configured: set Admin:Email and Admin:Password to create one at start-up")]
    private static partial void LogNoAdmin(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Created administrator {Email}")]
    private static partial void LogCreated(ILogger logger, string email);
}
