namespace ComplaintOps.Domain;

/// <summary>Instants are stored as UTC <see cref="DateTime"/> so SQLite can order them in SQL.</summary>
public static class UtcInstant
{
    public static DateTime Require(DateTime value) => value.Kind switch
    {
        DateTimeKind.Utc => value,
        DateTimeKind.Unspecified => DateTime.SpecifyKind(value, DateTimeKind.Utc),
        _ => throw new ArgumentException("Instants must be UTC.", nameof(value)),
    };

    public static DateTime From(DateTimeOffset value) => value.UtcDateTime;
}
