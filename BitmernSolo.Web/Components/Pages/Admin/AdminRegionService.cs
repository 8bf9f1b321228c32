using System.Security.Claims;
using BitmernSolo.Web.Regions;
using Microsoft.Extensions.Options;

namespace BitmernSolo.Web.Components.Pages.Admin;

/// <summary>Admin actions on the region instances' heartbeats; every action checks its caller.</summary>
public sealed class AdminRegionService(RegionDirectory directory, IOptions<RegionOptions> options)
{
    /// <summary>Forgets a down instance (deletes its heartbeat row); refused for one that is up.</summary>
    public async Task<AdminActionResult> ForgetAsync(ClaimsPrincipal actor, string instanceId, CancellationToken cancellationToken)
    {
        AdminGuard.Demand(actor);
        return await directory.ForgetAsync(instanceId, cancellationToken).ConfigureAwait(false) switch
        {
            ForgetOutcome.Forgotten => AdminActionResult.Done($"Forgot {instanceId}. Should it start again, it lists itself anew."),
            ForgetOutcome.Live => AdminActionResult.Refused(
                $"{instanceId} is up (it wrote a heartbeat within the last {AdminFormat.Age(options.Value.DownAfter)}): stop it first."),
            _ => AdminActionResult.Refused($"{instanceId} is not listed any more."),
        };
    }
}
