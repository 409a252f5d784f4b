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
            settings.DocumentProcessors.Add(new DefaultedQueryParametersAreOptional());
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
