using System.Net;
using LifePos.Core.Http;
using Xunit;

namespace LifePos.Tests.Http;

/// <summary>
/// What the module does to ServicePointManager.SecurityProtocol on .NET Framework: it allows TLS 1.2 when the process
/// does not, and otherwise leaves the process's setting alone (a SystemDefault must not become "TLS 1.2 only").
/// </summary>
public sealed class TlsProtocolsTests
{
    private const SecurityProtocolType SystemDefault = 0;
    private const SecurityProtocolType Tls13 = (SecurityProtocolType)12288;

#pragma warning disable SYSLIB0039 // TLS 1.0 and 1.1 are what old .NET Framework processes allow; the rule must see them.
    public static TheoryData<SecurityProtocolType, SecurityProtocolType?> Settings => new()
    {
        // the process allows, the module sets (null: leaves it alone)
        { SystemDefault, null },
        { SecurityProtocolType.Tls12, null },
        { SecurityProtocolType.Tls12 | Tls13, null },
        { SecurityProtocolType.Tls | SecurityProtocolType.Tls11 | SecurityProtocolType.Tls12, null },
        { SecurityProtocolType.Tls, SecurityProtocolType.Tls | SecurityProtocolType.Tls12 },
        { SecurityProtocolType.Tls | SecurityProtocolType.Tls11, SecurityProtocolType.Tls | SecurityProtocolType.Tls11 | SecurityProtocolType.Tls12 },
        { Tls13, Tls13 | SecurityProtocolType.Tls12 },
    };
#pragma warning restore SYSLIB0039

    [Theory]
    [MemberData(nameof(Settings))]
    public void TheProcessSetting_ChangesOnlyWhenItLeavesTls12Out(SecurityProtocolType allowed, SecurityProtocolType? expected)
    {
        Assert.Equal(expected, TlsProtocols.WithTls12(allowed));
    }
}
