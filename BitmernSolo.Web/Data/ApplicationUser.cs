using Microsoft.AspNetCore.Identity;

namespace BitmernSolo.Web.Data;

/// <summary>An account: a miner watching their workers, or an operator.</summary>
public class ApplicationUser : IdentityUser
{
}
