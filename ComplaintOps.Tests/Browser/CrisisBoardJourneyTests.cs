using System.Net.Http.Json;
using System.Text.Json;
using ComplaintOps.Data.Seeding;
using ComplaintOps.Tests.Support;
using Microsoft.Playwright;

namespace ComplaintOps.Tests.Browser;

/// <summary>
/// R10, R31: two board users in two browser contexts. A high-risk complaint posted through the intake API reaches both
/// boards without a reload; one acknowledges its alarm and the other board shows the acknowledgement.
/// (Latency is measured in the benchmark, not asserted here: waits are condition-based.)
/// </summary>
[Trait("Category", "Browser")]
public sealed class CrisisBoardJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static async Task<ConsolePages> OpenBoardAsync(BrowserFixture browser, string user, string locale)
    {
        var pages = new ConsolePages(await browser.NewPageAsync(locale));
        pages.Page.Context.SetDefaultTimeout(30_000);
        await pages.SignInAsync(user, DemoUsers.Password);
        await pages.Page.GotoAsync("/board");
        await pages.Page.WaitForSelectorAsync("[data-testid=board][data-ready=true]");
        return pages;
    }

    [Fact]
    public async Task R10_R31_a_high_risk_complaint_reaches_two_open_boards_and_an_acknowledgement_reaches_the_other()
    {
        var supervisor = await OpenBoardAsync(browser, "supervisor", "zh-CN");
        var manager = await OpenBoardAsync(browser, "manager", "en-US");
        var urlBefore = supervisor.Page.Url;

        // §3 sound cue: off by default (said on the toggle); the supervisor turns it on with the keyboard.
        var toggle = supervisor.Page.Locator("[data-testid=board-sound]");
        Assert.Equal("off", await toggle.GetAttributeAsync("data-sound"));
        Assert.Contains("声音提示：关", await toggle.InnerTextAsync(), StringComparison.Ordinal);
        await toggle.FocusAsync();
        await supervisor.Page.Keyboard.PressAsync("Enter");
        await supervisor.Page.WaitForSelectorAsync("[data-testid=board-sound][data-sound=on][aria-pressed=true]");
        await supervisor.Page.WaitForFunctionAsync("() => localStorage.getItem('complaintops.board.sound') === 'on'");
        Assert.Equal(0, await SoundCuesAsync(supervisor));
        await supervisor.ScreenshotAsync("50-board-before-zh");

        using var http = new HttpClient { BaseAddress = new Uri(browser.BaseUrl) };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/complaints")
        {
            Content = JsonContent.Create(new
            {
                complainant = new { name = "王芳", phone = "13912340050", province = "浙江", city = "杭州" },
                respondent = new { kind = "Merchant", name = "优品家电旗舰店" },
                productLine = "看板浏览器测试",
                title = "热水器起火",
                description = "新买的热水器使用时起火，央视记者已经来采访。",
                demands = "赔偿并召回",
            }),
        };
        request.Headers.Add("X-Api-Key", "cok_demo_app_2026");
        request.Headers.Add("Idempotency-Key", "board-browser-0001");
        var response = await http.SendAsync(request);
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        var number = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("trackingNumber").GetString()!;

        // Both boards show it, highlighted as new, and its alarm — without a reload.
        foreach (var board in new[] { supervisor, manager })
        {
            await board.Page.WaitForSelectorAsync($"[data-testid=high-risk] tr[data-new=true]:has-text('{number}')");
            await board.Page.WaitForSelectorAsync($"[data-testid=alarm][data-kind=NewHighRisk][data-acknowledged=false]:has-text('{number}')");
        }
        Assert.Equal(urlBefore, supervisor.Page.Url);
        // The new critical alarm sounded once on the board with sound on; the manager's board (sound off) stayed silent.
        await supervisor.Page.WaitForFunctionAsync("() => window.boardSoundCues === 1");
        Assert.Equal(0, await SoundCuesAsync(manager));
        await supervisor.ScreenshotAsync("51-board-new-high-risk-zh");
        await manager.ScreenshotAsync("52-board-new-high-risk-en");

        // The supervisor acknowledges; the manager's board shows who did.
        var alarm = supervisor.Page.Locator($"[data-testid=alarm][data-kind=NewHighRisk]:has-text('{number}')");
        await alarm.Locator("[data-testid=ack]").ClickAsync();
        await alarm.Locator("input[data-testid=ack-note]").FillAsync("已联系用户，专家跟进");
        await supervisor.ScreenshotAsync("50b-board-ack-form-zh");
        await alarm.Locator("[data-testid=ack-confirm]").ClickAsync();
        try
        {
            await supervisor.Page.WaitForSelectorAsync($"[data-testid=alarm][data-kind=NewHighRisk][data-acknowledged=true]:has-text('{number}')");
        }
        catch (TimeoutException)
        {
            await supervisor.ScreenshotAsync("59-board-ack-failed");
            throw;
        }

        var acked = manager.Page.Locator($"[data-testid=alarm][data-kind=NewHighRisk][data-acknowledged=true]:has-text('{number}')");
        await acked.WaitForAsync();
        Assert.Contains("吴刚", await acked.Locator("[data-testid=alarm-ack]").InnerTextAsync(), StringComparison.Ordinal);
        await manager.ScreenshotAsync("53-board-acknowledged-en");
        await supervisor.ScreenshotAsync("54-board-acknowledged-zh");

        // Reloaded, the board remembers "sound on" and does not sound for the alarms already there.
        await supervisor.Page.ReloadAsync();
        await supervisor.Page.WaitForSelectorAsync("[data-testid=board][data-ready=true] [data-testid=board-sound][data-sound=on]");
        await supervisor.Page.WaitForSelectorAsync($"[data-testid=alarm][data-kind=NewHighRisk]:has-text('{number}')");
        Assert.Equal(0, await SoundCuesAsync(supervisor));
    }

    private static Task<int> SoundCuesAsync(ConsolePages board) => board.Page.EvaluateAsync<int>("() => window.boardSoundCues || 0");
}
