using TwitterAddon.Core;
using TwitterAddon.Web;

var builder = WebApplication.CreateBuilder(DataMoveCommand.HostArguments(args));
if (DataMoveCommand.Requested(args))
{
    return await DataMoveCommand.RunAsync(args, builder.Configuration, builder.Environment);
}

builder.Services.AddTwitterAddonCore();
builder.Services.AddTwitterAddonWeb(builder.Configuration, builder.Environment);

var app = builder.Build();
if (!await app.PrepareToStartAsync())
{
    // Disposing flushes the console logger's queue: without it the reason can be lost as the process exits.
    await app.DisposeAsync();
    return 1;
}

app.UseTwitterAddonWeb();
await app.RunAsync();
return 0;

/// <summary>The entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
