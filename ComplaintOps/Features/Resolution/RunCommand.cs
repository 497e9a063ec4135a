using ComplaintOps.Domain.Complaints;

namespace ComplaintOps.Features.Resolution;

/// <summary>How the resolution panel's parts run a command: as the signed-in user, errors shown once, the page reloaded after.</summary>
public delegate Task RunCommand(Func<Actor, Task> command, string done, Action? after = null);
