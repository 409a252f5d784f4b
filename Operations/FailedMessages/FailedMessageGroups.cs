using System.Security.Cryptography;
using System.Text;

namespace Pipeline.Operations.FailedMessages;

/// <summary>
/// Failed messages are grouped like ServicePulse does: same message type, same exception type, same pipeline stage.
/// The id is a hash of the three, so it is stable across instances, restarts and re-failures.
/// </summary>
public static class FailedMessageGroups
{
    public static string IdOf(string messageType, string exceptionType, string? stage)
    {
        var key = $"{messageType}\n{exceptionType}\n{stage}";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..16];
    }
}
