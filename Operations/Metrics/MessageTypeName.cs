namespace Pipeline.Operations.Metrics;

/// <summary>
/// The name a message type goes by in operations: its full CLR name, generic arguments spelled out
/// (<c>MassTransit.Fault&lt;Pipeline.Messages.Stages.GenerateSectionCards&gt;</c>). Failed messages use the same
/// form, taken from MassTransit's <c>urn:message:Namespace:Type</c>.
/// </summary>
public static class MessageTypeName
{
    public static string Of(Type type)
    {
        if (!type.IsGenericType) return type.FullName ?? type.Name;
        var definition = type.GetGenericTypeDefinition().FullName ?? type.Name;
        var name = definition[..definition.IndexOf('`')];
        return $"{name}<{string.Join(",", type.GetGenericArguments().Select(Of))}>";
    }

    public static string FromUrn(string urn)
    {
        const string prefix = "urn:message:";
        var name = urn.StartsWith(prefix, StringComparison.Ordinal) ? urn[prefix.Length..] : urn;
        return name.Replace(':', '.');
    }
}
