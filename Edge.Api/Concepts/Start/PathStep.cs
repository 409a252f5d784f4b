using System.Text.Json.Serialization;

namespace Pipeline.Edge.Api.Concepts.Start;

public sealed record PathStep(int Step, string Type,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] PathResource? Resource,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] PathExercise? Exercise);
