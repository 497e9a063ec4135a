using Microsoft.Data.Sqlite;

namespace ComplaintOps.Benchmarks;

/// <summary>Small helpers the benchmarks share: raw SQLite reads for building fixtures, and the machine's load for the report.</summary>
internal static class BenchSql
{
    /// <summary>The table's column names, in order.</summary>
    public static async Task<List<string>> ColumnsAsync(SqliteConnection connection, string table)
    {
        var columns = new List<string>();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT name FROM pragma_table_info('{table}')";
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) columns.Add(reader.GetString(0));
        return columns;
    }

    public static async Task<object?> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }

    /// <summary>The 1, 5 and 15 minute load averages (the machine is shared: every result table says how busy it was).</summary>
    public static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
