using Microsoft.Extensions.Diagnostics.HealthChecks;
using TwitterAddon.Core.Instances;
using TwitterAddon.Core.Persistence;

namespace TwitterAddon.Core.Operations;

/// <summary>
/// The readiness check (<c>/readyz</c>): the workers keep up when no inbound event and no due reply has waited longer
/// than <see cref="MaxWait"/>, as the <see cref="WorkQueueMonitor"/> last read them; on PostgreSQL this instance must
/// also hear the others (else its pages would miss their changes).
/// </summary>
public sealed class WorkersReadiness(WorkQueueMonitor queues, InstanceRelay relay, DatabaseLocation database, TimeProvider clock) : IHealthCheck
{
    public const string Tag = "ready";

    public static readonly TimeSpan MaxWait = TimeSpan.FromMinutes(1);

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(Check());

    private HealthCheckResult Check()
    {
        if (queues.Latest is not { } latest || clock.GetUtcNow() - latest.ReadAt > 3 * WorkQueueMonitor.Interval)
        {
            return HealthCheckResult.Unhealthy("The work queues have not been read lately: the database may not answer.");
        }

        if (latest.OldestEventAge > MaxWait)
        {
            return HealthCheckResult.Unhealthy(
                $"{latest.EventsWaiting} inbound events wait; the oldest for {latest.OldestEventAge.TotalSeconds:0} s.");
        }

        if (latest.OldestDueReplyAge > MaxWait)
        {
            return HealthCheckResult.Unhealthy($"Replies wait to be sent; the oldest for {latest.OldestDueReplyAge.TotalSeconds:0} s.");
        }

        if (database.Provider == DatabaseProvider.PostgreSql && !relay.Listening)
        {
            return HealthCheckResult.Unhealthy("This instance does not hear the others (LISTEN): its pages would miss their changes.");
        }

        return HealthCheckResult.Healthy($"{latest.EventsWaiting} events and {latest.RepliesQueued} replies wait.");
    }
}
