using System.Threading.RateLimiting;

namespace TwitterAddon.Core.Team;

/// <summary>
/// Failed sign-ins per account, from browsers the account has not signed in on before: five, then one more a minute.
/// Kept per submitted address whether or not it is a member's, so the answer never tells which addresses exist. A
/// browser the member signed in on before (its device cookie) is not counted here, so nobody elsewhere can lock the
/// admin out by guessing wrong on purpose; guessing from one address is limited per client as well (WebServiceRegistration).
/// </summary>
public sealed class SignInAttempts : IDisposable
{
    public const int FreeFailures = 5;

    private readonly PartitionedRateLimiter<string> failures = PartitionedRateLimiter.Create<string, string>(account =>
        RateLimitPartition.GetTokenBucketLimiter(account, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = FreeFailures,
            TokensPerPeriod = 1,
            ReplenishmentPeriod = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        }));

    /// <summary>False while the account's failures from unknown browsers are used up.</summary>
    public bool MayTry(string email) => failures.GetStatistics(Key(email))?.CurrentAvailablePermits is not 0;

    public void Failed(string email) => failures.AttemptAcquire(Key(email)).Dispose();

    public void Dispose() => failures.Dispose();

    private static string Key(string email) => email.Trim().ToUpperInvariant();
}
