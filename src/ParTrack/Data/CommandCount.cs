using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ParTrack.Data;

/// <summary>
/// Counts the database commands one request runs, to find N+1 queries (docs/benchmarks.md): with
/// `Diagnostics:CommandCountHeader` = true every answer carries `X-Db-Commands: N`. Off by default (it tells
/// anyone how much work a page costs); the benchmark suite and the query-count tests turn it on.
/// A command counts for the request whose flow started it, so a cached view computed by one request is
/// counted there, and not for the requests that share it.
/// </summary>
public sealed class CommandCount : DbCommandInterceptor
{
    public const string Header = "X-Db-Commands";
    public static readonly CommandCount Instance = new();
    static readonly AsyncLocal<Counter?> Current = new();

    sealed class Counter { public int Value; }

    static void Count() { if (Current.Value is { } c) Interlocked.Increment(ref c.Value); }

    /// <summary>Middleware: counts this request's commands and writes the header when the answer starts.</summary>
    public static async Task CountRequestAsync(HttpContext http, RequestDelegate next)
    {
        var counter = new Counter();
        Current.Value = counter;
        http.Response.OnStarting(() =>
        {
            http.Response.Headers[Header] = Volatile.Read(ref counter.Value).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Task.CompletedTask;
        });
        await next(http);
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    { Count(); return result; }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    { Count(); return ValueTask.FromResult(result); }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    { Count(); return result; }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    { Count(); return ValueTask.FromResult(result); }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    { Count(); return result; }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<object> result, CancellationToken cancellationToken = default)
    { Count(); return ValueTask.FromResult(result); }
}
