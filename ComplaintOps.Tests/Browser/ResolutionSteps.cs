using Microsoft.Playwright;

namespace ComplaintOps.Tests.Browser;

/// <summary>The resolution panel's steps as a handler clicks them, shared by the journeys that end a case.</summary>
internal static class ResolutionSteps
{
    /// <summary>Proposes a refund on the open case page and waits until the ledger shows it waiting for approval.</summary>
    public static async Task ProposeCompensationAsync(IPage page, string amountYuan, string reason)
    {
        await page.FillAsync("[data-testid=compensation-amount]", amountYuan);
        await page.SelectOptionAsync("[data-testid=compensation-kind]", "Refund");
        await page.FillAsync("[data-testid=compensation-reason]", reason);
        await page.ClickAsync("[data-testid=propose-compensation]");
        await page.WaitForSelectorAsync("[data-testid=compensation-row][data-status=Proposed]");
    }

    /// <summary>Records the solution and sends the result to the complainant and the respondent (R24).</summary>
    public static async Task SendResultToBothAsync(IPage page, string solution, string toComplainant, string toRespondent)
    {
        await page.FillAsync("[data-testid=solution-text]", solution);
        await page.ClickAsync("[data-testid=propose-solution]");
        await page.WaitForSelectorAsync("[data-testid=solution-current]");
        await page.FillAsync("[data-testid=result-complainant]", toComplainant);
        await page.FillAsync("[data-testid=result-respondent]", toRespondent);
        await page.ClickAsync("[data-testid=send-result]");
        await page.WaitForSelectorAsync("[data-testid=party-answers]");
    }

    /// <summary>Both parties agree and the solution is carried out (R25); the close button is then offered.</summary>
    public static async Task BothAgreeAndCarriedOutAsync(IPage page, string carriedOutNote, string? complainantComment = null)
    {
        if (complainantComment is not null) await page.FillAsync("[data-testid=answer-comment-Complainant]", complainantComment);
        await page.ClickAsync("[data-testid=agree-Complainant]");
        await page.WaitForSelectorAsync("[data-testid=answer-Complainant][data-answer=Agree]");
        await page.ClickAsync("[data-testid=agree-Respondent]");
        await page.WaitForSelectorAsync("[data-testid=answer-Respondent][data-answer=Agree]");
        await page.FillAsync("[data-testid=carried-out-note]", carriedOutNote);
        await page.ClickAsync("[data-testid=carried-out]");
        await page.WaitForSelectorAsync("[data-testid=close-case]");
    }

    /// <summary>Closes the case and waits until it is archived with an intact snapshot (R27).</summary>
    public static async Task CloseAndWaitArchivedAsync(IPage page)
    {
        await page.ClickAsync("[data-testid=close-case]");
        await page.WaitForSelectorAsync("[data-testid=archive-integrity][data-intact=true]");
        await page.WaitForSelectorAsync("[data-status=Archived]");
    }
}
