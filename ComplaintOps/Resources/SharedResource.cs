namespace ComplaintOps.Resources;

/// <summary>Marker for the console's one string table (SharedResource.resx = 简体中文, SharedResource.en.resx = English).</summary>
public sealed class SharedResource;
