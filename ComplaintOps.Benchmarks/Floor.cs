using ComplaintOps.Domain.Complaints;
using ComplaintOps.Domain.Privacy;
using ComplaintOps.Features.Complaints;
using Microsoft.Data.Sqlite;

namespace ComplaintOps.Benchmarks;

/// <summary>A command as sent to SQLite, kept for EXPLAIN QUERY PLAN.</summary>
internal sealed record CapturedCommand(string Sql, IReadOnlyList<(string Name, object? Value)> Parameters);

/// <summary>
/// The floor: the same reads as <see cref="ComplaintQueries"/>, hand-written in SQL through Microsoft.Data.Sqlite —
/// same statements (columns, WHERE, ORDER BY, LIMIT/OFFSET, COUNT(*)), one pooled connection opened per call,
/// and the same masking of the queue rows.
/// </summary>
internal sealed class Floor(string connectionString)
{
    public const string QueueColumns =
        "Id, TrackingNumber, Title, Status, Severity, RiskLevel, ProblemType, ProblemSubType, Channel, Province, " +
        "ComplainantName, ComplainantPhone, HandlerName, Tier, SpecialGroup, ReceivedAtUtc, NextDueUtc";

    /// <summary>The app's default sort (soonest due first, undated last by id), read in two index-ordered halves as the app does.</summary>
    public const string ByNextDue = "NextDueUtc IS NULL, NextDueUtc, Id";
    public const string ByReceivedDesc = "ReceivedAtUtc DESC, Id DESC";

    /// <summary>When set, every command is recorded here (used once, before timing, to print query plans).</summary>
    public List<CapturedCommand>? Capture { get; set; }

    public async Task<QueuePage> QueueAsync(string where, (string Name, object Value)[] parameters, string orderBy, int page, int pageSize)
    {
        var now = DateTime.UtcNow;
        var skip = page * pageSize;
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        var total = await CountAsync(connection, where, parameters, now);
        List<QueueRow> rows;
        if (orderBy == ByNextDue)
        {
            var dated = And(where, "NextDueUtc IS NOT NULL");
            rows = await PageAsync(connection, dated, parameters, "NextDueUtc, Id", skip, pageSize, now);
            if (rows.Count < pageSize)
            {
                var datedCount = rows.Count > 0 ? skip + rows.Count : await CountAsync(connection, dated, parameters, now);
                rows.AddRange(await PageAsync(connection, And(where, "NextDueUtc IS NULL"), parameters, "Id",
                    Math.Max(0, skip - datedCount), pageSize - rows.Count, now));
            }
        }
        else
        {
            rows = await PageAsync(connection, where, parameters, orderBy, skip, pageSize, now);
        }
        return new QueuePage(rows, total);
    }

    /// <summary>Ids of a page in the single-statement order the default sort is defined by (a full sort): to check the two-half read.</summary>
    public async Task<List<int>> SingleStatementIdsAsync(string where, (string Name, object Value)[] parameters, int skip, int take)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var select = Command(connection,
            $"SELECT Id FROM Complaints{Where(where)} ORDER BY NextDueUtc IS NULL, NextDueUtc, Id LIMIT @limit OFFSET @offset",
            [.. parameters, ("@limit", take), ("@offset", skip)], DateTime.UtcNow);
        var ids = new List<int>(take);
        await using var reader = await select.ExecuteReaderAsync();
        while (await reader.ReadAsync()) ids.Add(reader.GetInt32(0));
        return ids;
    }

    public async Task<int> CountAsync(string where, (string Name, object Value)[] parameters)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        return await CountAsync(connection, where, parameters, DateTime.UtcNow);
    }

    private static string And(string where, string condition) => where.Length == 0 ? condition : $"{where} AND {condition}";

    private static string Where(string where) => where.Length == 0 ? "" : " WHERE " + where;

    private async Task<int> CountAsync(SqliteConnection connection, string where, (string Name, object Value)[] parameters, DateTime now)
    {
        await using var count = Command(connection, $"SELECT COUNT(*) FROM Complaints{Where(where)}", parameters, now);
        return Convert.ToInt32(await count.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task<List<QueueRow>> PageAsync(
        SqliteConnection connection, string where, (string Name, object Value)[] parameters, string orderBy, int offset, int limit, DateTime now)
    {
        await using var select = Command(connection,
            $"SELECT {QueueColumns} FROM Complaints{Where(where)} ORDER BY {orderBy} LIMIT @limit OFFSET @offset",
            [.. parameters, ("@limit", limit), ("@offset", offset)], now);
        var rows = new List<QueueRow>(limit);
        await using var reader = await select.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            DateTime? nextDue = reader.IsDBNull(16) ? null : Utc(reader.GetDateTime(16));
            rows.Add(new QueueRow(
                reader.GetInt32(0), reader.GetString(1), reader.GetString(2),
                (ComplaintStatus)reader.GetInt32(3), (ComplaintSeverity)reader.GetInt32(4), (RiskLevel)reader.GetInt32(5),
                (ProblemType)reader.GetInt32(6), (ProblemSubType)reader.GetInt32(7), (Channel)reader.GetInt32(8),
                reader.GetString(9), Mask.Name(reader.GetString(10)), Mask.Phone(reader.GetString(11)),
                reader.IsDBNull(12) ? null : reader.GetString(12), (Tier)reader.GetInt32(13), (SpecialGroup)reader.GetInt32(14),
                Utc(reader.GetDateTime(15)), nextDue, nextDue < now));
        }
        return rows;
    }

    /// <summary>The complaint row and its timeline in one join (the shape EF uses for Include), values read untyped.</summary>
    /// <summary>Batch detection's window read: same product line and problem type, received within the window before the complaint.</summary>
    public async Task<int> BatchWindowAsync(Complaint complaint, TimeSpan window)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var select = Command(connection,
            "SELECT Id, Province, ComplainantPhone, Title, Description, ReceivedAtUtc, BatchIncidentId, DuplicateOfId FROM Complaints " +
            "WHERE ProductLine = @line AND ProblemType = @type AND ReceivedAtUtc >= @from AND ReceivedAtUtc <= @to AND Id <> @id",
            [("@line", complaint.ProductLine), ("@type", (int)complaint.ProblemType), ("@from", complaint.ReceivedAtUtc - window), ("@to", complaint.ReceivedAtUtc), ("@id", complaint.Id)],
            DateTime.UtcNow);
        await using var reader = await select.ExecuteReaderAsync();
        var rows = 0;
        var values = new object[8];
        while (await reader.ReadAsync())
        {
            reader.GetValues(values);
            rows++;
        }
        return rows;
    }

    public async Task<(object[] Complaint, List<object[]> Timeline)?> DetailAsync(int id)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var select = Command(connection,
            "SELECT c.*, t.* FROM Complaints AS c LEFT JOIN TimelineEvents AS t ON t.ComplaintId = c.Id WHERE c.Id = @id ORDER BY t.Id",
            [("@id", id)], DateTime.UtcNow);
        await using var reader = await select.ExecuteReaderAsync();
        object[]? complaint = null;
        var timeline = new List<object[]>();
        var complaintColumns = -1;
        while (await reader.ReadAsync())
        {
            var values = new object[reader.FieldCount];
            reader.GetValues(values);
            if (complaint is null)
            {
                complaintColumns = FirstTimelineColumn(reader);
                complaint = values[..complaintColumns];
            }
            if (values[complaintColumns] is not DBNull) timeline.Add(values[complaintColumns..]);
        }
        return complaint is null ? null : (complaint, timeline);
    }

    private static int FirstTimelineColumn(SqliteDataReader reader)
    {
        // c.* comes first and ends with Version; t.* starts with its Id.
        for (var i = 1; i < reader.FieldCount; i++)
        {
            if (reader.GetName(i) == "Id") return i;
        }
        throw new InvalidOperationException("No timeline columns in the detail query.");
    }

    private SqliteCommand Command(SqliteConnection connection, string sql, (string Name, object Value)[] parameters, DateTime now)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        if (sql.Contains("@now", StringComparison.Ordinal)) command.Parameters.AddWithValue("@now", now);
        Capture?.Add(new CapturedCommand(sql, [.. command.Parameters.Cast<SqliteParameter>().Select(p => (p.ParameterName, (object?)p.Value))]));
        return command;
    }

    private static DateTime Utc(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc);
}
