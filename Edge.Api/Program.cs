using Pipeline.Domain.Hosting;
using Pipeline.Edge.Api.Hosting;

var builder = WebApplication.CreateBuilder(args);

builder.AddPipelineInfrastructure();
builder.AddEdgeApi();

var app = builder.Build();

app.MapEdgeApi();

app.Run();

public partial class Program;
