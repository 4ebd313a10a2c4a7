using TwitterAddon.Core;
using TwitterAddon.Web;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddTwitterAddonCore();
builder.Services.AddTwitterAddonWeb(builder.Configuration);

var app = builder.Build();
if (!await app.PrepareDatabaseAsync())
{
    return 1;
}

app.UseTwitterAddonWeb();
await app.RunAsync();
return 0;

/// <summary>The entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
