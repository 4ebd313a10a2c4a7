using Microsoft.Extensions.Diagnostics.HealthChecks;
using TwitterAddon.Core.Inbound;
using TwitterAddon.Core.Instances;
using TwitterAddon.Core.Outbox;
using TwitterAddon.Core.Persistence;

namespace TwitterAddon.Core.Operations;

/// <summary>
/// The readiness check (<c>/readyz</c>): whether this instance's workers keep up. Unready (503) when the queues could
/// not be read lately, when on PostgreSQL this instance does not hear the others (its pages would miss their changes),
/// or when an inbound event or a due reply has waited longer than <see cref="MaxWait"/> and this instance holds that
/// worker's lease (its worker is the one behind). The queues are shared, so an instance that does not hold the lease
/// only reports the wait (Degraded, still 200): a backlog never takes every instance out of a balancer at once.
/// </summary>
public sealed class WorkersReadiness(WorkQueueMonitor queues, InstanceRelay relay, WorkerLeases leases, DatabaseLocation database, TimeProvider clock)
    : IHealthCheck
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

        if (database.Provider == DatabaseProvider.PostgreSql && !relay.Listening)
        {
            return HealthCheckResult.Unhealthy("This instance does not hear the others (LISTEN): its pages would miss their changes.");
        }

        if (latest.OldestEventAge > MaxWait)
        {
            return Behind(InboundWorker.LeaseName,
                $"{latest.EventsWaiting} inbound events wait; the oldest for {latest.OldestEventAge.TotalSeconds:0} s.");
        }

        if (latest.OldestDueReplyAge > MaxWait)
        {
            return Behind(OutboxWorker.LeaseName, $"Replies wait to be sent; the oldest for {latest.OldestDueReplyAge.TotalSeconds:0} s.");
        }

        return HealthCheckResult.Healthy($"{latest.EventsWaiting} events and {latest.RepliesQueued} replies wait.");
    }

    private HealthCheckResult Behind(string worker, string wait) => leases.Holds(worker)
        ? HealthCheckResult.Unhealthy(wait)
        : HealthCheckResult.Degraded(wait + " Another instance runs that worker.");
}
