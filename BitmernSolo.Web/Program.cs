using BitmernSolo.Web.Alerts;
using BitmernSolo.Web.Api;
using BitmernSolo.Web.Bans;
using BitmernSolo.Web.Components;
using BitmernSolo.Web.Components.Account;
using BitmernSolo.Web.Components.Pages.Admin;
using BitmernSolo.Web.Configuration;
using BitmernSolo.Web.Daemons;
using BitmernSolo.Web.Dashboards;
using BitmernSolo.Web.Data;
using BitmernSolo.Web.Email;
using BitmernSolo.Web.Health;
using BitmernSolo.Web.Jobs;
using BitmernSolo.Web.Metrics;
using BitmernSolo.Web.Mining;
using BitmernSolo.Web.Pools;
using BitmernSolo.Web.Regions;
using BitmernSolo.Web.Stratum;

var builder = WebApplication.CreateBuilder(args);

builder.AddPoolConfiguration(args);
builder.AddPoolDirectory();
builder.AddPoolPersistence();
builder.AddPoolIdentity();
builder.AddPoolHealth();
builder.AddPoolWeb();
builder.AddPoolDashboards();
builder.AddPoolJobs();
builder.AddPoolMining();
builder.AddStratum();
builder.AddPoolEmail();
builder.AddPoolAlerts();
builder.AddPoolStatsMaintenance();
builder.AddPoolApi();
builder.AddPoolMetrics();
builder.AddPoolAdmin();
builder.AddPoolBans();
builder.AddPoolDaemons();
builder.AddPoolRegions();

var app = builder.Build();

app.UsePoolWeb();
app.MapPoolHealth();
app.MapPoolMetrics();
app.MapPoolApi();
app.MapBlockNotify();
app.MapPoolPages();
app.MapPoolJobsDashboard();

// A configuration error surfaces here as OptionsValidationException whose message names every bad key.
app.Run();

/// <summary>Entry point; public so tests can host it with <c>WebApplicationFactory&lt;Program&gt;</c>.</summary>
public partial class Program;
