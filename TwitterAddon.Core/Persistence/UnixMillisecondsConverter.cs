using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace TwitterAddon.Core.Persistence;

/// <summary>
/// Stores a time as Unix milliseconds (UTC): SQLite can sort and compare numbers in SQL, which EF cannot do
/// with its text form of DateTimeOffset, and raw SQL writers need no date format.
/// </summary>
internal sealed class UnixMillisecondsConverter() : ValueConverter<DateTimeOffset, long>(
    value => value.ToUnixTimeMilliseconds(),
    value => DateTimeOffset.FromUnixTimeMilliseconds(value));
