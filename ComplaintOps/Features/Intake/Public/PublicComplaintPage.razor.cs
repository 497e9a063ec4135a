using System.Globalization;
using ComplaintOps.Infrastructure;
using Microsoft.AspNetCore.Components;

namespace ComplaintOps.Features.Intake.Public;

/// <summary>
/// The public complaint form (R2–R5): a static server-rendered form, posted as multipart so files travel with it.
/// Everything is checked before anything is stored; the lookup secret is shown once on the answer to the post.
/// </summary>
public partial class PublicComplaintPage
{
    [Inject] private PublicIntakeService Service { get; set; } = default!;
    [Inject] private BusinessTime Time { get; set; } = default!;

    [CascadingParameter] private HttpContext HttpContext { get; set; } = default!;

    [SupplyParameterFromForm(FormName = "public-complaint")]
    private PublicComplaintForm? Form { get; set; }

    private PublicSubmitResult? Result { get; set; }
    private IReadOnlyList<DateTime> Slots { get; set; } = [];
    private DateTime? BookedSlot { get; set; }

    protected override void OnInitialized()
    {
        Form ??= new PublicComplaintForm();
        Slots = Service.OfferedSlots();
        // The answer carries the secret: never cached anywhere.
        if (!HttpContext.Response.HasStarted) HttpContext.Response.Headers.CacheControl = "no-store";
    }

    private async Task SubmitAsync()
    {
        var form = await HttpContext.Request.ReadFormAsync(HttpContext.RequestAborted);
        var uploads = form.Files.GetFiles("Attachments")
            .Select(f => new PublicUpload(f.FileName, f.Length, f.OpenReadStream))
            .ToList();
        Result = await Service.SubmitAsync(Form!, uploads, HttpContext.RequestAborted);
        if (Result.Succeeded) BookedSlot = CallbackSlots.Parse(Form!.CallbackSlot);
        else if (!HttpContext.Response.HasStarted) HttpContext.Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
    }

    private string? ErrorFor(string field) =>
        Result?.Errors.FirstOrDefault(e => e.Field == field) is { } error ? L[error.Key, error.Args].Value : null;

    private string DayText(DateOnly day) =>
        day.ToString(L["PublicForm.DayFormat"], CultureInfo.CurrentCulture);

    private string SlotText(DateTime slotUtc)
    {
        var local = Time.ToBusiness(slotUtc);
        var end = local.AddMinutes(Service.SlotMinutes);
        return string.Create(CultureInfo.CurrentCulture, $"{local.ToString(L["PublicForm.DayFormat"], CultureInfo.CurrentCulture)} {local:HH:mm}–{end:HH:mm}");
    }
}
