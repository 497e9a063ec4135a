using System.Globalization;
using Bunit;
using ComplaintOps.Features.CrisisBoard;
using ComplaintOps.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintOps.Tests.Components.Satisfaction;

/// <summary>R26: where the satisfaction figure is shown, its definition is shown with it.</summary>
public sealed class SatisfactionComponentTests : ComponentTestBase
{
    public SatisfactionComponentTests()
    {
        var config = new ConfigurationBuilder().AddJsonFile(Path.Combine(RepoPaths.Root, "appsettings.json")).Build();
        Services.AddCrisisBoard(config);
    }

    [Theory]
    [InlineData("zh-CN", "满意率 = 4–5 星评价数 ÷ 全部评价数")]
    [InlineData("en-US", "Satisfaction rate = answers with 4–5 stars ÷ all answers")]
    public void R26_the_board_tiles_show_the_rate_with_its_definition(string culture, string definition)
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        var cut = Render<SatisfactionTiles>(p => p.Add(x => x.Snapshot, new SatisfactionSnapshot(new(4, 2), new(4, 2), new(4, 2))));
        Assert.Equal(definition, cut.Find("[data-testid=satisfaction-definition]").TextContent.Trim());
        Assert.Contains("50", cut.Find("[data-testid=satisfaction-Today] [data-testid=satisfaction-value]").TextContent, StringComparison.Ordinal);
    }
}
