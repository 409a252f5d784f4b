using FastEndpoints.Swagger;
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
            settings.DocumentProcessors.Add(new DefaultedQueryParametersAreOptional());
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

    /// <summary>A query parameter with a default (skip, limit) may be left out; FastEndpoints.Swagger marks every value type required.</summary>
    private sealed class DefaultedQueryParametersAreOptional : IDocumentProcessor
    {
        public void Process(DocumentProcessorContext context)
        {
            var parameters = context.Document.Paths.Values.SelectMany(path => path.Values).SelectMany(operation => operation.Parameters);
            foreach (var parameter in parameters.Where(p => p.Kind == OpenApiParameterKind.Query && p.Schema?.Default is not null))
                parameter.IsRequired = false;
        }
    }
}
