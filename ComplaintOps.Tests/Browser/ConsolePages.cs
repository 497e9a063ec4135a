using Microsoft.Playwright;

namespace ComplaintOps.Tests.Browser;

/// <summary>Page objects: what a person does on each page, in the words of the page.</summary>
public sealed class ConsolePages(IPage page)
{
    public IPage Page { get; } = page;

    public async Task SignInAsync(string user, string password)
    {
        await Page.GotoAsync("/account/login");
        await Page.FillAsync("#username", user);
        await Page.FillAsync("#password", password);
        await Page.ClickAsync("[data-testid=sign-in]");
        await WaitForCircuitAsync();
    }

    /// <summary>Clicks before the Blazor circuit is live are lost: wait for the layout's ready flag.</summary>
    public Task WaitForCircuitAsync() => Page.WaitForSelectorAsync("[data-ready=true]");

    public async Task WaitForQueueAsync()
    {
        await Page.WaitForSelectorAsync("[data-testid=queue-summary][data-loaded=true]");
        await Page.WaitForSelectorAsync("[data-testid=queue-grid] tbody tr >> nth=0");
    }

    public async Task<int> QueueTotalAsync() =>
        int.Parse(await Page.GetAttributeAsync("[data-testid=queue-summary]", "data-total") ?? "0", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Opens a MudSelect filter and picks the option with this text.</summary>
    public async Task PickFilterAsync(string testId, string optionText)
    {
        await Page.ClickAsync($"[data-testid={testId}]");
        await Page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasTextString = optionText }).First.ClickAsync();
    }

    public Task ScreenshotAsync(string name) =>
        Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Support.BrowserFixture.ScreenshotDirectory, name + ".png"), FullPage = true });
}
