using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace TwitterAddon.Core.Persistence;

/// <summary>
/// The one place that makes every write of this process pass the <see cref="DatabaseWriteGate"/>, so no service
/// can forget it: a SaveChanges holds the gate from start to end, an explicit transaction until it ends, and a
/// single statement outside both (ExecuteUpdate, ExecuteDelete, raw SQL: EF runs them as non-queries) while it
/// runs. Reads never wait for it.
/// </summary>
internal sealed class WriteGateInterceptor(DatabaseWriteGate gate) : ISaveChangesInterceptor, IDbCommandInterceptor, IDbTransactionInterceptor
{
    private static readonly string[] WriteVerbs = ["INSERT", "UPDATE", "DELETE", "REPLACE"];

    public async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        await EnterAsync(eventData.Context, cancellationToken);
        return result;
    }

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Enter(eventData.Context);
        return result;
    }

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Exit(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Exit(eventData.Context);
        return result;
    }

    public Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default) => ExitAsync(eventData.Context);

    public void SaveChangesFailed(DbContextErrorEventData eventData) => Exit(eventData.Context);

    public Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default) => ExitAsync(eventData.Context);

    public void SaveChangesCanceled(DbContextEventData eventData) => Exit(eventData.Context);

    public ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default) =>
        BeforeAsync(command, eventData, result, cancellationToken);

    public InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result) =>
        Before(command, eventData, result);

    public ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(After(command, eventData, result));

    public int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result) => After(command, eventData, result);

    public ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default) =>
        BeforeAsync(command, eventData, result, cancellationToken);

    public InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result) =>
        Before(command, eventData, result);

    public ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(After(command, eventData, result));

    public object? ScalarExecuted(DbCommand command, CommandExecutedEventData eventData, object? result) => After(command, eventData, result);

    public ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default) =>
        BeforeAsync(command, eventData, result, cancellationToken);

    public InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result) =>
        Before(command, eventData, result);

    /// <summary>SQLite writes as the reader steps through the rows (INSERT ... RETURNING): the gate is held until it closes.</summary>
    public InterceptionResult DataReaderDisposing(DbCommand command, DataReaderDisposingEventData eventData, InterceptionResult result)
    {
        if (Writes(command, DbCommandMethod.ExecuteReader))
        {
            Exit(eventData.Context);
        }

        return result;
    }

    // A command that failed or was cancelled: a reader that never opened is never disposed, so let go here.
    public Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default) =>
        Task.FromResult(After(command, eventData, 0));

    public void CommandFailed(DbCommand command, CommandErrorEventData eventData) => After(command, eventData, 0);

    public Task CommandCanceledAsync(DbCommand command, CommandEndEventData eventData, CancellationToken cancellationToken = default) =>
        Task.FromResult(After(command, eventData, 0));

    public void CommandCanceled(DbCommand command, CommandEndEventData eventData) => After(command, eventData, 0);

    public async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(
        DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
    {
        await EnterAsync(eventData.Context, cancellationToken);
        return result;
    }

    public InterceptionResult<DbTransaction> TransactionStarting(
        DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result)
    {
        Enter(eventData.Context);
        return result;
    }

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default) =>
        ExitAsync(eventData.Context);

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Exit(eventData.Context);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default) =>
        ExitAsync(eventData.Context);

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Exit(eventData.Context);

    public Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default) =>
        ExitAsync(eventData.Context);

    public void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => Exit(eventData.Context);

    /// <summary>
    /// A statement that changes the database: every non-query (EF runs ExecuteUpdate, ExecuteDelete and raw SQL so),
    /// and a scalar or reader whose statement is an INSERT, UPDATE, DELETE or REPLACE (SaveChanges' RETURNING, the
    /// migration lock).
    /// </summary>
    private static bool Writes(DbCommand command, DbCommandMethod method)
    {
        if (method == DbCommandMethod.ExecuteNonQuery)
        {
            return true;
        }

        var sql = command.CommandText.AsSpan().TrimStart();
        foreach (var verb in WriteVerbs)
        {
            if (sql.StartsWith(verb, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private async ValueTask<T> BeforeAsync<T>(DbCommand command, CommandEventData eventData, T result, CancellationToken cancellationToken)
    {
        if (Writes(command, eventData.ExecuteMethod))
        {
            await EnterAsync(eventData.Context, cancellationToken);
        }

        return result;
    }

    private T Before<T>(DbCommand command, CommandEventData eventData, T result)
    {
        if (Writes(command, eventData.ExecuteMethod))
        {
            Enter(eventData.Context);
        }

        return result;
    }

    private static T After<T>(DbCommand command, CommandEndEventData eventData, T result)
    {
        if (Writes(command, eventData.ExecuteMethod))
        {
            Exit(eventData.Context);
        }

        return result;
    }

    private ValueTask EnterAsync(DbContext? context, CancellationToken cancellationToken) =>
        context is TwitterAddonDbContext ours ? ours.WriteHold.EnterAsync(gate, cancellationToken) : ValueTask.CompletedTask;

    private void Enter(DbContext? context)
    {
        if (context is TwitterAddonDbContext ours)
        {
            ours.WriteHold.Enter(gate);
        }
    }

    private static void Exit(DbContext? context)
    {
        if (context is TwitterAddonDbContext ours)
        {
            ours.WriteHold.Exit();
        }
    }

    private static Task ExitAsync(DbContext? context)
    {
        Exit(context);
        return Task.CompletedTask;
    }
}
