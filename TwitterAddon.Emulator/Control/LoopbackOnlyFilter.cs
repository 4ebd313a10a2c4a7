using System.Net;
using Microsoft.AspNetCore.Http;

namespace TwitterAddon.Emulator.Control;

/// <summary>
/// The control API plays customers, injects faults and shows the webhook key: it answers only callers on this
/// machine (and in-process test servers, which have no remote address). Others get X's plain 404, as if it were not there.
/// </summary>
public sealed class LoopbackOnlyFilter : IEndpointFilter
{
    public static bool IsLocal(HttpContext http) => http.Connection.RemoteIpAddress is not { } remote || IPAddress.IsLoopback(remote);

    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        IsLocal(context.HttpContext) ? next(context) : ValueTask.FromResult<object?>(Results.NotFound());
}
