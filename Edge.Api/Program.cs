using Pipeline.ServiceDefaults.Messaging;
using Pipeline.Edge.Api.Hosting;

var builder = WebApplication.CreateBuilder(args);

builder.AddEdgeApi();

var app = builder.Build();

app.MapEdgeApi();
if (await app.ExportApiDocumentWhenAskedAsync()) return 0;

var watchdog = app.Services.GetRequiredService<ReceiveEndpointWatchdog>(); // the provider is disposed once Run returns
app.Run();
// The bus watchdog stopped the host because a receive endpoint stayed dead: exit code 75 asks the supervisor for a new one.
return watchdog.GaveUp ? ReceiveEndpointWatchdog.ExitCode : 0;

public partial class Program;
