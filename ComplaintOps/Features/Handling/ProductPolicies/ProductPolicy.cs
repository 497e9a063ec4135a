namespace ComplaintOps.Features.Handling.ProductPolicies;

/// <summary>A policy text of one product line (refund rules, compensation scope, ...), kept by administrators and shown on the case view (R18).</summary>
public sealed class ProductPolicy
{
    public const int MaxTitleLength = 200;
    public const int MaxBodyLength = 8000;

    public int Id { get; set; }
    public string ProductLine { get; set; } = "";
    public string Title { get; set; } = "";
    public string Body { get; set; } = "";
    public bool Active { get; set; } = true;
    public DateTime UpdatedAtUtc { get; set; }
    public string UpdatedByName { get; set; } = "";
}
