using System.Text.Json;
using FluentValidation;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using TwitterAddon.Emulator.Api;
using TwitterAddon.Emulator.World;

namespace TwitterAddon.Emulator.Control;

/// <summary>Reads and validates a control request body; bad input gets an X-shaped 400, never a 500.</summary>
public static class ControlBody
{
    public static async Task<(T? Request, IResult? Error)> ReadAsync<T>(HttpContext http)
        where T : class
    {
        T? request;
        try
        {
            request = await JsonSerializer.DeserializeAsync<T>(http.Request.Body, cancellationToken: http.RequestAborted);
        }
        catch (JsonException e)
        {
            return (null, XResults.Error(new XFailure(400, 38, "The body is not valid JSON: " + e.Message)));
        }

        if (request is null)
        {
            return (null, XResults.Error(new XFailure(400, 38, "A JSON body is required.")));
        }

        var validator = http.RequestServices.GetService<IValidator<T>>();
        if (validator is not null && await validator.ValidateAsync(request, http.RequestAborted) is { IsValid: false } result)
        {
            return (null, XResults.Error(new XFailure(400, 38, string.Join(" ", result.Errors.Select(e => e.ErrorMessage)))));
        }

        return (request, null);
    }
}
