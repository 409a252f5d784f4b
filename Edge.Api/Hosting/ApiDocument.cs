using FastEndpoints.Swagger;
using Namotion.Reflection;
using NJsonSchema;
using NSwag;
using NSwag.Generation.Processors;
using NSwag.Generation.Processors.Contexts;
using Pipeline.Edge.Api.Errors;

namespace Pipeline.Edge.Api.Hosting;

/// <summary>
/// The OpenAPI document at <c>/openapi/v1.json</c> (NSwag through FastEndpoints.Swagger, which knows how FastEndpoints
/// binds: route, query and header parameters, request bodies, validators) and the explorer page at <c>/docs</c>. Every
/// route is in it with its request and response schemas and the failures it declares, in its seed's error shape.
/// </summary>
public static class ApiDocument
{
    public const string Name = "v1";
    public const string Path = "/openapi/" + Name + ".json";

    public static IServiceCollection AddApiDocument(this IServiceCollection services) => services.SwaggerDocument(document =>
    {
        document.DocumentSettings = settings =>
        {
            settings.DocumentName = Name;
            settings.Title = "Pipeline API";
            settings.Version = Name;
            settings.DocumentProcessors.Add(new QueryParametersAsBound());
            settings.DocumentProcessors.Add(new FailuresInTheSeedShape());
        };
        // Schemas are named in full: every endpoint folder has its own "Request".
        document.ShortSchemaNames = false;
        // Tags come from each endpoint's description ("Auth", "Tasks", ...), not from a path segment.
        document.AutoTagPathSegmentIndex = 0;
        document.SerializerSettings = options => ApiJson.Configure(options);
    });

    public static WebApplication UseApiDocument(this WebApplication app)
    {
        app.UseOpenApi(settings => settings.Path = "/openapi/{documentName}.json");
        app.UseSwaggerUI(ui =>
        {
            ui.RoutePrefix = "docs";
            ui.SwaggerEndpoint(Path, "Pipeline API " + Name);
        });
        return app;
    }

    /// <summary>
    /// <c>dotnet Pipeline.Edge.Api.dll --export-openapi &lt;file&gt;</c> writes the document to the file and answers true
    /// (the caller then exits): scripts/tsclient.sh generates the TypeScript client in clients/typescript from it. Nothing
    /// is started (no bus, no database): the document needs only the mapped routes.
    /// </summary>
    public static async Task<bool> ExportApiDocumentWhenAskedAsync(this WebApplication app)
    {
        var file = app.Configuration["export-openapi"];
        if (string.IsNullOrWhiteSpace(file)) return false;
        // The routes reach the API explorer when the host builds its pipeline at start; without starting, a routing
        // pipeline of its own hands them over (UseEndpoints registers its data sources with the routing options).
        var pipeline = new ApplicationBuilder(app.Services);
        pipeline.UseRouting();
        pipeline.UseEndpoints(endpoints =>
        {
            foreach (var source in ((IEndpointRouteBuilder)app).DataSources) endpoints.DataSources.Add(source);
        });
        var document = await app.Services.GetRequiredService<NSwag.Generation.IOpenApiDocumentGenerator>().GenerateAsync(Name);
        await File.WriteAllTextAsync(file, document.ToJson() + "\n");
        return true;
    }

    /// <summary>
    /// Query parameters as FastEndpoints binds them (Binding.UsePropertyNamingPolicy, EndpointConventions): by their
    /// snake_case names (<c>course_id</c>, not <c>CourseId</c>), none required (an absent one keeps the property's default;
    /// the validator says when a value is needed), and none that repeats a route parameter (<c>{concept_id}</c> binds the
    /// property <c>ConceptId</c> from the path). FastEndpoints.Swagger names them by property and marks every value type
    /// required, which a generated client (clients/typescript) would then send wrongly or have to send.
    /// </summary>
    private sealed class QueryParametersAsBound : IDocumentProcessor
    {
        public void Process(DocumentProcessorContext context)
        {
            foreach (var operation in context.Document.Paths.Values.SelectMany(path => path.Values))
            {
                var routeParameters = operation.Parameters.Where(p => p.Kind == OpenApiParameterKind.Path).Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
                foreach (var parameter in operation.Parameters.Where(p => p.Kind == OpenApiParameterKind.Query).ToList())
                {
                    if (parameter.Name.Any(char.IsUpper)) parameter.Name = System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(parameter.Name);
                    if (routeParameters.Contains(parameter.Name)) operation.Parameters.Remove(parameter);
                    else parameter.IsRequired = false;
                }
            }
        }
    }

    /// <summary>
    /// Every failure a route declares is answered by <see cref="SeedErrorWriter"/> in the shape of the route's seed, also
    /// the ones declared without a body (FastEndpoints' own 401 and 403) or as problem details: the document says so.
    /// </summary>
    private sealed class FailuresInTheSeedShape : IDocumentProcessor
    {
        public void Process(DocumentProcessorContext context)
        {
            var shapes = new Dictionary<ErrorStyle, JsonSchema>
            {
                [ErrorStyle.Detail] = Reference<SeedErrorWriter.DetailError>(context),
                [ErrorStyle.CodeMessage] = Reference<SeedErrorWriter.CodeMessageError>(context),
                [ErrorStyle.Envelope] = Reference<SeedErrorWriter.EnvelopeError>(context),
            };
            foreach (var (path, item) in context.Document.Paths)
            {
                var shape = shapes[SeedErrorWriter.StyleOf(path)];
                foreach (var (status, response) in item.Values.SelectMany(operation => operation.Responses))
                {
                    if (status.Length != 3 || status[0] is not ('4' or '5')) continue;
                    if (response.Content.TryGetValue(DocumentedFailures.JsonContentType, out var json) && json.Schema is not null) continue;
                    response.Content.Clear();
                    response.Content[DocumentedFailures.JsonContentType] = new OpenApiMediaType { Schema = new JsonSchema { Reference = shape } };
                }
            }
        }

        private static JsonSchema Reference<T>(DocumentProcessorContext context) =>
            context.SchemaGenerator.GenerateWithReference<JsonSchema>(typeof(T).ToContextualType(), context.SchemaResolver).ActualSchema;
    }
}
