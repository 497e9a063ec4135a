using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

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

    /// <summary>A column, how to read its provider value from the row, and the type mapping that makes its parameter.</summary>
    private sealed record Column(string Name, Func<T, object?> Read, RelationalTypeMapping Mapping, bool Nullable)
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
            _columns.Add(new Column(name, row =>
            {
                if (getter is null || owner(row) is not { } instance) return null;
                var value = getter.GetClrValue(instance);
                return value is null || converter is null ? value : converter.ConvertToProvider(value);
            }, mapping, property.IsNullable));
        }
        foreach (var navigation in type.GetNavigations())
        {
            if (navigation.IsCollection || !navigation.TargetEntityType.IsOwned() || navigation.TargetEntityType.GetTableName() != table.Name) continue;
            var getter = navigation.GetGetter();
            Walk(navigation.TargetEntityType, row => owner(row) is { } o ? getter.GetClrValue(o) : null, table, generatedKey, root: false);
        }
    }

    /// <summary>
    /// The prepared command for a batch of rows on the context's connection and transaction. It is compiled once per
    /// connection and kept while that connection stays open (a complaint's INSERT with its ~20 indexes took ~0.1 ms to
    /// compile, once per write when every write had its own): one user at a time, as intake's single writer is.
    /// </summary>
    public Batch Begin(DbContext db)
    {
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction() as SqliteTransaction
            ?? throw new InvalidOperationException("Rows are inserted inside the context's transaction only.");
        if (_prepared is not { } prepared || !ReferenceEquals(prepared.Command.Connection, connection) || connection.State != System.Data.ConnectionState.Open)
        {
            _prepared?.Command.Dispose();
            _prepared = prepared = Prepare(connection);
        }
        prepared.Command.Transaction = transaction;
        return new Batch(this, prepared.Command, prepared.Parameters);
    }

    private (SqliteCommand Command, DbParameter[] Parameters)? _prepared;

    private (SqliteCommand, DbParameter[]) Prepare(SqliteConnection connection)
    {
        var command = connection.CreateCommand();
        command.CommandText = _sql;
        var parameters = new DbParameter[_columns.Count];
        for (var i = 0; i < _columns.Count; i++)
        {
            parameters[i] = _columns[i].Mapping.CreateParameter(command, $"@p{i}", null, _columns[i].Nullable);
            command.Parameters.Add(parameters[i]);
        }
        return (command, parameters);
    }

    /// <summary>One prepared INSERT, executed once per row.</summary>
    public sealed class Batch(RowInserter<T> inserter, SqliteCommand command, DbParameter[] parameters) : IAsyncDisposable
    {
        /// <summary>Inserts <paramref name="row"/>; <paramref name="overrides"/> gives the values of the override columns, in their order.</summary>
        public async Task AddAsync(T row, params object?[] overrides)
        {
            var columns = inserter._columns;
            for (var i = 0; i < columns.Count; i++)
                parameters[i].Value = (columns[i].Override >= 0 ? overrides[columns[i].Override] : columns[i].Read(row)) ?? DBNull.Value;
            await command.ExecuteNonQueryAsync();
        }

        /// <summary>Lets go of the transaction and the last row's values; the compiled statement stays for the next batch.</summary>
        public ValueTask DisposeAsync()
        {
            command.Transaction = null;
            foreach (var parameter in parameters) parameter.Value = DBNull.Value;
            return ValueTask.CompletedTask;
        }
    }
}
