using ComplaintOps.Data;
using ComplaintOps.Domain.Complaints;
using ComplaintOps.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ComplaintOps.Features.Handling.ProductPolicies;

/// <summary>The small policy library per product line (R18): administrators keep it, the case view shows the line's active texts.</summary>
public sealed class ProductPolicyStore(IDbContextFactory<ComplaintOpsDb> dbFactory, BusinessTime time)
{
    public const int MaxPerProductLine = 50;

    /// <summary>The active policies of a product line, for the case view.</summary>
    public async Task<IReadOnlyList<ProductPolicy>> ForProductLineAsync(string productLine, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.ProductPolicies.AsNoTracking().Where(p => p.ProductLine == productLine && p.Active)
            .OrderBy(p => p.Title).Take(MaxPerProductLine).ToListAsync(ct);
    }

    /// <summary>Every policy of a product line, active or not, for the administrators' page.</summary>
    public async Task<IReadOnlyList<ProductPolicy>> AllForProductLineAsync(string productLine, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.ProductPolicies.AsNoTracking().Where(p => p.ProductLine == productLine)
            .OrderByDescending(p => p.Active).ThenBy(p => p.Title).Take(MaxPerProductLine * 2).ToListAsync(ct);
    }

    /// <summary>Product lines that have policies (besides the configured ones).</summary>
    public async Task<IReadOnlyList<string>> ProductLinesAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.ProductPolicies.AsNoTracking().Select(p => p.ProductLine).Distinct().OrderBy(p => p).Take(500).ToListAsync(ct);
    }

    /// <summary>Adds (id null) or changes a policy text.</summary>
    public async Task<int> SaveAsync(int? id, string? productLine, string? title, string? body, bool active, Actor by, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(productLine))
            throw new DomainException("PolicyProductLineRequired", "Choose the product line.");
        if (string.IsNullOrWhiteSpace(title) || string.IsNullOrWhiteSpace(body))
            throw new DomainException("PolicyTextRequired", "A policy needs a title and its text.");
        if (title.Trim().Length > ProductPolicy.MaxTitleLength || body.Trim().Length > ProductPolicy.MaxBodyLength || productLine.Trim().Length > 64)
            throw new DomainException("PolicyTooLong", $"The title is at most {ProductPolicy.MaxTitleLength} characters, the text {ProductPolicy.MaxBodyLength}.");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        ProductPolicy policy;
        if (id is { } existing)
        {
            policy = await db.ProductPolicies.FirstOrDefaultAsync(p => p.Id == existing, ct)
                ?? throw new DomainException("PolicyNotFound", "The policy no longer exists.");
        }
        else
        {
            if (await db.ProductPolicies.CountAsync(p => p.ProductLine == productLine.Trim(), ct) >= MaxPerProductLine * 2)
                throw new DomainException("PolicyLibraryFull", "This product line has too many policies; deactivate or edit old ones.");
            policy = new ProductPolicy();
            db.ProductPolicies.Add(policy);
        }
        policy.ProductLine = productLine.Trim();
        policy.Title = title.Trim();
        policy.Body = body.Trim();
        policy.Active = active;
        policy.UpdatedAtUtc = time.UtcNow;
        policy.UpdatedByName = by.Name;
        await db.SaveChangesAsync(ct);
        return policy.Id;
    }
}
