namespace ComplaintOps.Features.Handling.Collaboration;

/// <summary>
/// In-process notice that a case's collaboration changed (task opened, answered, withdrawn; escalation; assessment), so an
/// open case view and the task inboxes refresh at once. Handlers must marshal to their circuit (InvokeAsync).
/// </summary>
public sealed class CollaborationEvents
{
    public event Action<int>? Changed;

    public void Publish(int complaintId) => Changed?.Invoke(complaintId);
}
