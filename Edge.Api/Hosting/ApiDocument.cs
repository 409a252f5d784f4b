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
            settings.DocumentProcessors.Add(new AnswersCarryTheirProperties());
            settings.DocumentProcessors.Add(new EnumsAsWritten());
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
    /// required, which a generated client (clients/typescript) would then send wrongly or have to send. Route values that
    /// FastEndpoints.Swagger leaves in the JSON body (by property name, not by the snake_case route name) are taken out.
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
                // The same for a JSON body: a property bound from the route ({webhook_id}) is not sent in the body, and a
                // body that had only such properties is no body at all.
                if (routeParameters.Count == 0 || operation.RequestBody is not { } body) continue;
                foreach (var schema in body.Content.Values.Select(media => media.Schema?.ActualSchema).OfType<JsonSchema>().SelectMany(WithBases).Distinct())
                {
                    foreach (var name in schema.Properties.Keys.Where(routeParameters.Contains).ToList()) schema.Properties.Remove(name);
                    foreach (var name in schema.RequiredProperties.Where(routeParameters.Contains).ToList()) schema.RequiredProperties.Remove(name);
                }
                if (body.Content.Values.All(media => media.Schema?.ActualSchema is { } schema && schema.ActualProperties.Count == 0
                        && schema.AdditionalPropertiesSchema is null))
                    operation.RequestBody = null;
            }
        }
    }

    /// <summary>
    /// Enum values as ApiJson writes and reads them (JsonStringEnumConverter with snake_case: <c>"beginner"</c>, not
    /// <c>"Beginner"</c>; query values bind without regard to case). NJsonSchema cannot see the converter's naming policy.
    /// </summary>
    private sealed class EnumsAsWritten : IDocumentProcessor
    {
        public void Process(DocumentProcessorContext context)
        {
            foreach (var schema in context.Document.Components.Schemas.Values.Where(schema => schema.Type == JsonObjectType.String && schema.Enumeration.Count > 0))
            {
                var values = schema.Enumeration.Select(value => value is string name ? System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(name) : value).ToList();
                schema.Enumeration.Clear();
                foreach (var value in values) schema.Enumeration.Add(value);
            }
        }
    }

    /// <summary>A schema and the schemas it extends (allOf: a request class deriving from another).</summary>
    private static IEnumerable<JsonSchema> WithBases(JsonSchema schema) =>
        new[] { schema }.Concat(schema.AllOf.Select(part => part.ActualSchema).SelectMany(WithBases));

    /// <summary>
    /// An answer always carries its non-nullable properties (ApiJson writes every property, nulls too), so a schema used
    /// only in answers names them required: a generated client (clients/typescript) then types <c>goal.id</c> as a
    /// number, not as possibly missing. Schemas that a request uses too are left alone (a request may leave out what has
    /// a default).
    /// </summary>
    private sealed class AnswersCarryTheirProperties : IDocumentProcessor
    {
        public void Process(DocumentProcessorContext context)
        {
            var operations = context.Document.Paths.Values.SelectMany(path => path.Values).ToList();
            var requests = new HashSet<JsonSchema>();
            foreach (var operation in operations)
            {
                foreach (var media in operation.RequestBody?.Content.Values ?? Enumerable.Empty<OpenApiMediaType>()) Collect(media.Schema, requests);
                foreach (var parameter in operation.Parameters) Collect(parameter.Schema, requests);
            }
            var answers = new HashSet<JsonSchema>();
            foreach (var media in operations.SelectMany(operation => operation.Responses.Values).SelectMany(response => response.Content.Values))
                Collect(media.Schema, answers);
            foreach (var schema in answers.Where(schema => !requests.Contains(schema)))
                foreach (var property in schema.Properties.Values.Where(property => !property.IsNullable(SchemaType.OpenApi3)))
                    property.IsRequired = true;
        }

        private static void Collect(JsonSchema? schema, HashSet<JsonSchema> found)
        {
            if (schema is null) return;
            var actual = schema.ActualSchema;
            if (!found.Add(actual)) return;
            foreach (var property in actual.Properties.Values) Collect(property, found);
            Collect(actual.Item, found);
            foreach (var item in actual.Items) Collect(item, found);
            Collect(actual.AdditionalPropertiesSchema, found);
            foreach (var part in actual.AllOf.Concat(actual.OneOf).Concat(actual.AnyOf)) Collect(part, found);
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
