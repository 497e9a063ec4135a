using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using SQLitePCL;

namespace ComplaintOps.Data;

/// <summary>
/// Inserts new rows of one entity type with one prepared statement, built from the EF model — the same table, column
/// names, value converters and parameter types EF's SaveChanges uses — but without EF's update pipeline, which builds a
/// command, a column modification per column and a parameter per value for every row (for a complaint's ~80 columns that
/// was most of intake's CPU and allocations; docs/benchmarks.md, intake round 4). Owned types stored in the same table
/// (a complaint's complainant and respondent) are walked through their navigations. Nothing is tracked: the caller
/// numbers rows whose keys it needs (<see cref="Domain.Complaints.Complaint.AssignId"/>) and lets the database number the
/// rest. Use inside the context's transaction; build once per model and reuse (the column list is the expensive part).
/// </summary>
public sealed class RowInserter<T> where T : class
{
    private readonly List<Column> _columns = [];
    private readonly string _sql;

    /// <summary>A column and how to read its provider value (after EF's value converter) from the row.</summary>
    private sealed record Column(string Name, Func<T, object?> Read)
    {
        /// <summary>Position among the override values, or -1 when read from the row.</summary>
        public int Override { get; init; } = -1;
    }

    /// <param name="model">The context's model.</param>
    /// <param name="overrides">Columns whose value comes from elsewhere (a foreign key the row does not hold yet), read from the context object passed to <see cref="AddAsync"/>.</param>
    /// <param name="generatedKey">Leave the key out for the database to number (true) or insert the row's own (false).</param>
    public RowInserter(IModel model, bool generatedKey, params string[] overrides)
    {
        var entityType = model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped.");
        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        Overrides = overrides;
        Walk(entityType, row => row, table, generatedKey, root: true);
        for (var o = 0; o < overrides.Length; o++)
        {
            var at = _columns.FindIndex(c => c.Name == overrides[o]);
            if (at < 0) throw new InvalidOperationException($"{table.Name} has no column {overrides[o]}.");
            _columns[at] = _columns[at] with { Override = o };
        }
        _sql = $"INSERT INTO \"{table.Name}\" ({string.Join(", ", _columns.Select(c => $"\"{c.Name}\""))}) " +
            $"VALUES ({string.Join(", ", _columns.Select((_, i) => $"@p{i}"))});";
    }

    private string[] Overrides { get; }

    private void Walk(IEntityType type, Func<T, object?> owner, StoreObjectIdentifier table, bool generatedKey, bool root)
    {
        foreach (var property in type.GetProperties())
        {
            var name = property.GetColumnName(table);
            // An owned type's key is its owner's key (the same column); a generated key is left to the database.
            if (name is null || _columns.Any(c => c.Name == name)) continue;
            if (root && property.IsPrimaryKey() && generatedKey) continue;
            if (property.IsShadowProperty() && !Overrides.Contains(name)) throw new NotSupportedException($"{type.DisplayName()}.{property.Name} is a shadow property.");
            var getter = property.IsShadowProperty() ? null : property.GetGetter();
            var mapping = (RelationalTypeMapping)property.GetRelationalTypeMapping();
            var converter = mapping.Converter;
            var stored = Nullable.GetUnderlyingType(converter?.ProviderClrType ?? mapping.ClrType) ?? converter?.ProviderClrType ?? mapping.ClrType;
            // Refused when the model is read, not at the first row: Bind knows these types only.
            if (!Bound.Contains(stored)) throw new NotSupportedException($"{type.DisplayName()}.{property.Name} is stored as {stored.Name}, which RowInserter does not bind.");
            _columns.Add(new Column(name, row =>
            {
                if (getter is null || owner(row) is not { } instance) return null;
                var value = getter.GetClrValue(instance);
                return value is null || converter is null ? value : converter.ConvertToProvider(value);
            }));
        }
        foreach (var navigation in type.GetNavigations())
        {
            if (navigation.IsCollection || !navigation.TargetEntityType.IsOwned() || navigation.TargetEntityType.GetTableName() != table.Name) continue;
            var getter = navigation.GetGetter();
            Walk(navigation.TargetEntityType, row => owner(row) is { } o ? getter.GetClrValue(o) : null, table, generatedKey, root: false);
        }
    }

    /// <summary>
    /// The prepared statement for a batch of rows on the context's connection, inside its transaction. It is compiled once
    /// per connection and kept while that connection stays open (a complaint's INSERT with its ~20 indexes took ~0.1 ms to
    /// compile, once per write when every write had its own): one user at a time, as intake's single writer is. Values are
    /// bound by position through SQLite's own API (<see cref="Bind"/>): binding by name through Microsoft.Data.Sqlite looked
    /// every parameter's name up again on every row — a tenth of the intake writer's CPU in a batch storm.
    /// </summary>
    public Batch Begin(DbContext db)
    {
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        if (db.Database.CurrentTransaction is null) throw new InvalidOperationException("Rows are inserted inside the context's transaction only.");
        if (connection.State != System.Data.ConnectionState.Open || connection.Handle is not { } handle)
            throw new InvalidOperationException("The context's connection is not open.");
        if (_prepared is not { } prepared || !ReferenceEquals(prepared.Connection, connection) || !ReferenceEquals(prepared.Handle, handle))
        {
            _prepared?.Statement.Dispose();
            var rc = raw.sqlite3_prepare_v2(handle, _sql, out var statement);
            SqliteException.ThrowExceptionForRC(rc, handle);
            _prepared = prepared = (connection, handle, statement);
        }
        return new Batch(this, prepared.Handle, prepared.Statement);
    }

    private (SqliteConnection Connection, sqlite3 Handle, sqlite3_stmt Statement)? _prepared;

    /// <summary>One prepared INSERT, executed once per row.</summary>
    public sealed class Batch(RowInserter<T> inserter, sqlite3 handle, sqlite3_stmt statement) : IAsyncDisposable
    {
        /// <summary>Inserts <paramref name="row"/>; <paramref name="overrides"/> gives the values of the override columns, in their order.</summary>
        public Task AddAsync(T row, params object?[] overrides)
        {
            var columns = inserter._columns;
            try
            {
                for (var i = 0; i < columns.Count; i++)
                    Bind(statement, i + 1, columns[i].Override >= 0 ? overrides[columns[i].Override] : columns[i].Read(row));
                var rc = raw.sqlite3_step(statement);
                if (rc != raw.SQLITE_DONE) SqliteException.ThrowExceptionForRC(rc, handle);
            }
            finally
            {
                raw.sqlite3_reset(statement);
                raw.sqlite3_clear_bindings(statement);
            }
            return Task.CompletedTask;
        }

        /// <summary>Nothing to let go of: the statement is reset after each row and stays compiled for the next batch.</summary>
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    /// <summary>The stored (provider) types <see cref="Bind"/> knows; a column of another type is refused, not guessed.</summary>
    private static readonly HashSet<Type> Bound =
        [typeof(string), typeof(int), typeof(long), typeof(short), typeof(byte), typeof(bool), typeof(double), typeof(DateTime), typeof(DateOnly), typeof(decimal), typeof(byte[])];

    /// <summary>
    /// Binds a provider value (after EF's value converter) as Microsoft.Data.Sqlite binds it for EF — the same storage class
    /// and text formats, so rows inserted here and rows saved by EF compare and sort alike (RowInserterTests checks every
    /// column of each inserted table against EF's).
    /// </summary>
    private static void Bind(sqlite3_stmt statement, int index, object? value)
    {
        var rc = value switch
        {
            null or DBNull => raw.sqlite3_bind_null(statement, index),
            string text => raw.sqlite3_bind_text(statement, index, text),
            int n => raw.sqlite3_bind_int64(statement, index, n),
            long n => raw.sqlite3_bind_int64(statement, index, n),
            short n => raw.sqlite3_bind_int64(statement, index, n),
            byte n => raw.sqlite3_bind_int64(statement, index, n),
            bool b => raw.sqlite3_bind_int64(statement, index, b ? 1 : 0),
            double d => raw.sqlite3_bind_double(statement, index, d),
            DateTime t => raw.sqlite3_bind_text(statement, index, t.ToString(@"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFF", CultureInfo.InvariantCulture)),
            DateOnly d => raw.sqlite3_bind_text(statement, index, d.ToString(@"yyyy\-MM\-dd", CultureInfo.InvariantCulture)),
            decimal m => raw.sqlite3_bind_text(statement, index, m.ToString("0.0###########################", CultureInfo.InvariantCulture)),
            byte[] bytes => raw.sqlite3_bind_blob(statement, index, bytes),
            _ => throw new NotSupportedException($"{typeof(T).Name}: a column's value of type {value.GetType().Name} is not bound by RowInserter."),
        };
        if (rc != raw.SQLITE_OK) throw new SqliteException($"Binding parameter {index} failed.", rc);
    }
}
