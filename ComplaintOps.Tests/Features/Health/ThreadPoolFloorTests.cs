using ComplaintOps.Infrastructure;
using Microsoft.Extensions.Configuration;

namespace ComplaintOps.Tests.Features.Health;

/// <summary>The pool starts with enough workers that SQLite's synchronous background queries cannot starve requests.</summary>
public sealed class ThreadPoolFloorTests
{
    private static IConfiguration Config(string? value) =>
        new ConfigurationBuilder().AddInMemoryCollection(value is null ? [] : [new("Hosting:MinThreadPoolThreads", value)]).Build();

    [Fact]
    public void The_configured_floor_is_applied_and_never_lowers_the_pools_minimum()
    {
        ThreadPoolFloor.Apply(Config("40"));
        ThreadPool.GetMinThreads(out var workers, out var io);
        Assert.True(workers >= 40 && io >= 40, $"min threads {workers}/{io}");

        ThreadPoolFloor.Apply(Config("2"));
        ThreadPool.GetMinThreads(out var after, out _);
        Assert.True(after >= 40);
    }

    [Fact]
    public void Without_configuration_the_default_floor_holds()
    {
        ThreadPoolFloor.Apply(Config(null));
        ThreadPool.GetMinThreads(out var workers, out _);
        Assert.True(workers >= ThreadPoolFloor.Default);
    }
}
