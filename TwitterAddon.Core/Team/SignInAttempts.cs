using System.Threading.RateLimiting;

namespace TwitterAddon.Core.Team;

/// <summary>
/// Sign-in tries per account, from browsers the account has not signed in on before: five, then one more a minute.
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

    /// <summary>
    /// Takes one try from the account's budget before the password is checked (checking first and counting after
    /// would let parallel guesses all pass); false when none is left. A sign-in that succeeds uses one too, and makes
    /// that browser a known one.
    /// </summary>
    public bool TryTake(string email)
    {
        using var lease = failures.AttemptAcquire(Key(email));
        return lease.IsAcquired;
    }

    public void Dispose() => failures.Dispose();

    private static string Key(string email) => email.Trim().ToUpperInvariant();
}
