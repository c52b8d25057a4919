using System;
using System.Text;

namespace LifePos.Emulator.Faults;

/// <summary>What an injected fault that answers says: an error in the answer style, or a 200 with a broken body.</summary>
internal static class FaultAnswers
{
    private static readonly byte[] HtmlPage = Encoding.UTF8.GetBytes(
        "<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1><p>nginx</p></body></html>");
    private static readonly byte[] TruncatedJson = Encoding.UTF8.GetBytes(
        "{\"items\":[{\"guid\":\"0b8e7f8a-1c1d-4e2f-9a3b-5c6d7e8f9a0b\",\"type_of\":\"Workplace\",\"number\":1,\"na");
    private static readonly byte[] BadShapeJson = Encoding.UTF8.GetBytes("{\"unexpected\":true}");

    public static ApiResult For(Fault fault, AnswerWriter answer) => fault.Kind switch
    {
        FaultKind.Status500 => answer.Error(new ApiException(500, "InternalServerError", "Injected fault: internal server error.")),
        FaultKind.Status502 => answer.Error(new ApiException(502, "BadGateway", "Injected fault: bad gateway.")),
        FaultKind.Status503 => answer.Error(new ApiException(503, "TryLater", "Injected fault: service unavailable, try later.")),
        FaultKind.Status504 => answer.Error(new ApiException(504, "GatewayTimeout", "Injected fault: gateway timeout.")),
        FaultKind.Status429 => answer.Error(new ApiException(429, "TooManyRequests", "Injected fault: too many requests.")),
        FaultKind.Error => answer.Error(new ApiException(fault.Status, fault.Code!, $"Forced error {fault.Code}.")),
        FaultKind.Html => new ApiResult(200, HtmlPage, "text/html; charset=utf-8", null),
        FaultKind.Empty => new ApiResult(200, ReadOnlyMemory<byte>.Empty, ApiResult.JsonType, null),
        FaultKind.Truncated => new ApiResult(200, TruncatedJson, ApiResult.JsonType, null),
        _ => new ApiResult(200, BadShapeJson, ApiResult.JsonType, null),
    };
}
