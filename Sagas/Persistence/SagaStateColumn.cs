using System.Reflection;
using MassTransit;

namespace Pipeline.Sagas.Persistence;

/// <summary>
/// Reads the instance's current state for the <c>current_state</c> column (queries and ops views; the repository itself
/// restores state from the JSON). By convention the state machine keeps it in a property named <c>CurrentState</c>
/// (<c>InstanceState(x =&gt; x.CurrentState)</c>), as a string or an int.
/// </summary>
internal static class SagaStateColumn<TSaga> where TSaga : class, SagaStateMachineInstance
{
    private static readonly PropertyInfo? CurrentState = typeof(TSaga).GetProperty("CurrentState", BindingFlags.Public | BindingFlags.Instance);

    public static string? Read(TSaga instance) => CurrentState?.GetValue(instance) switch
    {
        null => null,
        string name => name,
        int number => number.ToString(System.Globalization.CultureInfo.InvariantCulture),
        State state => state.Name,
        var other => other.ToString(),
    };
}
