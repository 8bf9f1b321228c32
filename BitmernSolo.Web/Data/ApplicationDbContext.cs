using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace BitmernSolo.Web.Data;

/// <summary>
/// The pool's database: Identity's tables now. Pool entities bring their own <c>IEntityTypeConfiguration&lt;T&gt;</c>;
/// add <c>builder.ApplyConfigurationsFromAssembly(...)</c> in <c>OnModelCreating</c> with the first one.
/// </summary>
/// <remarks>Migrations: <c>dotnet ef migrations add &lt;Name&gt; --project BitmernSolo.Web --output-dir Data/Migrations</c>.</remarks>
public class ApplicationDbContext(DbContextOptions<ApplicationDbContext> options) : IdentityDbContext<ApplicationUser>(options)
{
}
