using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace TwitterAddon.Core.Persistence;

/// <summary>A time as Unix milliseconds (UTC): the one way times are stored (<see cref="TwitterAddonDbContext"/>).</summary>
internal sealed class UnixMillisecondsConverter() : ValueConverter<DateTimeOffset, long>(
    value => value.ToUnixTimeMilliseconds(),
    value => DateTimeOffset.FromUnixTimeMilliseconds(value));
