using ComplaintOps.Data;

namespace ComplaintOps.Tests.Features.Intake;

/// <summary>The intake writer and the routing dispatcher take turns at the write lock instead of polling for it.</summary>
public sealed class WriteGateTests
{
    [Fact]
    public async Task The_second_writer_gets_its_turn_when_the_first_passes_it_on_and_not_before()
    {
        var gate = new WriteGate();
        var first = await gate.EnterAsync();

        var second = gate.EnterAsync().AsTask();
        await Task.Delay(50);
        Assert.False(second.IsCompleted);

        first.Dispose();
        using var turn = await second.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task A_writer_that_gives_up_waiting_does_not_take_the_turn()
    {
        var gate = new WriteGate();
        var first = await gate.EnterAsync();
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(20));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await gate.EnterAsync(cancel.Token));

        first.Dispose();
        using var next = await gate.EnterAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(5));
    }
}
