using ComplaintOps.Domain.Handling;

namespace ComplaintOps.Features.Handling.Collaboration;

/// <summary>A console user who answers collaboration tasks for a department (a liaison). One row per user and department.</summary>
public sealed class DepartmentMember
{
    public int Id { get; set; }
    public string UserId { get; set; } = "";
    public Department Department { get; set; }
}
