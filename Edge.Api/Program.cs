using Pipeline.Domain.Database;
using Pipeline.ServiceDefaults.Messaging;
using Pipeline.Edge.Api.Hosting;

var builder = WebApplication.CreateBuilder(args);

// The one registration entry of this host: host wiring, data access, then each feature in a documented order.
builder.AddEdgeApi();

var app = builder.Build();

app.MapEdgeApi();
if (await app.ExportApiDocumentWhenAskedAsync()) return 0;

// Migrations, explicitly, before any hosted service (the bus, the admin bootstrap) starts.
await app.MigrateDatabaseAsync();
var watchdog = app.Services.GetRequiredService<ReceiveEndpointWatchdog>(); // the provider is disposed once Run returns
app.Run();
// The bus watchdog stopped the host because a receive endpoint stayed dead: exit code 75 asks the supervisor for a new one.
return watchdog.GaveUp ? ReceiveEndpointWatchdog.ExitCode : 0;

public partial class Program;
