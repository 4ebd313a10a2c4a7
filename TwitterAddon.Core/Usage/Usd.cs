using System.Globalization;

namespace TwitterAddon.Core.Usage;

/// <summary>
/// Money as whole millionths of a US dollar: X's prices ($0.005) are exact, sums are exact, and SQL adds them as
/// integers on every database.
/// </summary>
public static class Usd
{
    public const long MicrosPerDollar = 1_000_000;

    public static long ToMicros(decimal dollars) => (long)decimal.Round(dollars * MicrosPerDollar, MidpointRounding.AwayFromZero);

    public static decimal ToDollars(long micros) => (decimal)micros / MicrosPerDollar;

    /// <summary>"$0.005" for a price or a small sum (a tenth of a cent shows), "$1,234.56" from a dollar up.</summary>
    public static string Format(long micros)
    {
        var dollars = ToDollars(micros);
        return Math.Abs(dollars) < 1m && dollars != decimal.Round(dollars, 2)
            ? dollars.ToString("$0.000", CultureInfo.InvariantCulture)
            : dollars.ToString("$#,##0.00", CultureInfo.InvariantCulture);
    }
}
