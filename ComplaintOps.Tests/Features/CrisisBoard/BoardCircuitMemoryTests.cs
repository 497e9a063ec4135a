using System.Net;
using System.Net.Http.Headers;
using ComplaintOps.Components.Layout;
using ComplaintOps.Domain.Complaints;
using ComplaintOps.Features.CrisisBoard;
using ComplaintOps.Features.Intake;
using ComplaintOps.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintOps.Tests.Features.CrisisBoard;

/// <summary>
/// R31 (§6 ≤ 500 KB per board circuit): what keeps an open board small must not change what it shows. The wall layout links
/// the console theme as a static style sheet instead of a theme provider per circuit (the sheet must carry the theme's
/// variables, or the board loses its colours); boards share equal rows instead of each holding a copy.
/// </summary>
public sealed class BoardCircuitMemoryTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task R31_the_theme_style_sheet_serves_the_console_themes_css_variables_to_anyone_and_may_be_cached()
    {
        var client = SignIn.NewClient(app); // anonymous, like any static file of the app

        var response = await client.GetAsync(ConsoleThemeCss.Href);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/css", response.Content.Headers.ContentType?.MediaType);
        var css = await response.Content.ReadAsStringAsync();
        var palette = ConsoleTheme.Theme.PaletteLight;
        Assert.Contains($"--mud-palette-primary: {palette.Primary}", css, StringComparison.OrdinalIgnoreCase);
        Assert.Contains($"--mud-palette-error: {palette.Error}", css, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("--mud-palette-lines-default", css, StringComparison.Ordinal);
        Assert.Contains("PingFang SC", css, StringComparison.Ordinal); // the console theme's own fonts, not MudBlazor's default
        Assert.DoesNotContain("<style", css, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("&#", css, StringComparison.Ordinal); // decoded: quotes in font names stay quotes
        Assert.Contains("immutable", response.Headers.CacheControl?.ToString(), StringComparison.Ordinal);

        // Asked again with its ETag (e.g. after the cache expired on an unversioned URL): 304, no body.
        using var again = new HttpRequestMessage(HttpMethod.Get, ConsoleThemeCss.Path);
        again.Headers.IfNoneMatch.Add(response.Headers.ETag!);
        var notModified = await client.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Contains("no-cache", notModified.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task R31_the_board_links_the_theme_style_sheet_and_holds_no_theme_or_popover_provider()
    {
        var supervisor = await SignIn.AsAsync(app, "supervisor");

        var response = await supervisor.GetAsync("/board");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains($"<link rel=\"stylesheet\" href=\"{WebUtility.HtmlEncode(ConsoleThemeCss.Href)}\"", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"board\"", html, StringComparison.Ordinal);
        // The theme provider would write the variables into the page and the popover provider its container.
        Assert.DoesNotContain("--mud-palette-primary:", html, StringComparison.Ordinal);
        Assert.DoesNotContain("mud-popover-provider", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task R31_boards_share_unchanged_rows_and_still_see_a_changed_row_at_once()
    {
        _ = app.CreateClient();
        var queries = app.Services.GetRequiredService<BoardQueries>();
        var complaint = await app.Services.GetRequiredService<IntakeService>().ReceiveAsync(AlarmTests.HighRisk("13700009931"), Actor.System);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        BoardSnapshot first;
        while (!(first = await queries.LoadAsync()).Alarms.Any(a => a.ComplaintId == complaint.Id))
        {
            Assert.True(DateTime.UtcNow < deadline, "The new high-risk complaint raised no alarm.");
            await Task.Delay(50);
        }

        var second = await queries.LoadAsync();

        // Nothing changed: the second board holds the first one's rows, not copies.
        Assert.NotEmpty(second.HighRisk);
        Assert.Same(first.HighRisk, second.HighRisk);
        Assert.Same(first.Alarms, second.Alarms);

        // One alarm acknowledged: the next read shows it at once; the other rows stay shared.
        var alarm = first.Alarms.Single(a => a.ComplaintId == complaint.Id);
        await app.Services.GetRequiredService<AlarmService>().AcknowledgeAsync(alarm.Id, new Actor("sup-9", "吴刚"), "已联系");
        var third = await queries.LoadAsync();
        var acked = third.Alarms.Single(a => a.Id == alarm.Id);
        Assert.True(acked.Acknowledged);
        Assert.Equal("已联系", acked.AcknowledgeNote);
        Assert.False(alarm.Acknowledged);
        Assert.All(third.Alarms.Where(a => a.Id != alarm.Id), a => Assert.Same(second.Alarms.Single(b => b.Id == a.Id), a));
    }
}
