using System.Data.Common;
using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Vaarst.Growth.Web.Tests;

/// <summary>
/// Counts the SQL commands EF Core sends to one SQLite file (tests run in parallel, each on its own file), optionally
/// only those <paramref name="which"/> picks. Listens to EF's DiagnosticListener, so it needs no hook in the app.
/// </summary>
internal sealed class SqlCommandCounter : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private readonly string _dataSource;
    private readonly Func<DbCommand, bool> _which;
    private readonly List<IDisposable> _subscriptions = [];
    private int _count;

    public SqlCommandCounter(string dataSource, Func<DbCommand, bool>? which = null)
    {
        _dataSource = dataSource;
        _which = which ?? (_ => true);
        _subscriptions.Add(DiagnosticListener.AllListeners.Subscribe(this));
    }

    public int Count => Volatile.Read(ref _count);

    public void Reset() => Interlocked.Exchange(ref _count, 0);

    public void OnNext(DiagnosticListener listener)
    {
        if (listener.Name == DbLoggerCategory.Name)
        {
            lock (_subscriptions)
            {
                _subscriptions.Add(listener.Subscribe(this));
            }
        }
    }

    public void OnNext(KeyValuePair<string, object?> e)
    {
        if (e.Key == RelationalEventId.CommandExecuted.Name && e.Value is CommandExecutedEventData data
            && data.Command.Connection is SqliteConnection connection && connection.DataSource == _dataSource && _which(data.Command))
        {
            Interlocked.Increment(ref _count);
        }
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }

    public void Dispose()
    {
        lock (_subscriptions)
        {
            _subscriptions.ForEach(s => s.Dispose());
        }
    }
}
