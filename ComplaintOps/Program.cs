using ComplaintOps.Components;
using ComplaintOps.Data;
using ComplaintOps.Features.AnswerRate;
using ComplaintOps.Features.Attachments;
using ComplaintOps.Features.Calendars;
using ComplaintOps.Features.Complaints;
using ComplaintOps.Features.Handling.Routing;
using ComplaintOps.Features.Handling;
using ComplaintOps.Features.CrisisBoard;
using ComplaintOps.Features.Health;
using ComplaintOps.Features.Identity;
using ComplaintOps.Features.Intake;
using ComplaintOps.Features.Triage;
using ComplaintOps.Features.Intake.Api;
using ComplaintOps.Features.Intake.Public;
using ComplaintOps.Features.Resolution;
using ComplaintOps.Features.Satisfaction;
using ComplaintOps.Features.Quality;
using ComplaintOps.Features.Reports;
using ComplaintOps.Features.Triage.BatchDetection;
using ComplaintOps.Infrastructure;
using ComplaintOps.Infrastructure.Scheduling;

// The design card keeps wwwroot/, appsettings.json and data/ at the repository root.
var root = RepositoryRoot.Find(Directory.GetCurrentDirectory(), AppContext.BaseDirectory);
var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,
    ContentRootPath = root,
    WebRootPath = root is null ? null : Path.Combine(root, "wwwroot"),
});
if (root is not null) builder.WebHost.UseStaticWebAssets();
ThreadPoolFloor.Apply(builder.Configuration);

builder.Services
    .AddConsoleFoundation(builder.Configuration)
    .AddConsoleLocalization()
    .AddConsoleIdentity()
    .AddWorkingCalendar(builder.Configuration)
    .AddComplaintQueue()
    .AddIntake()
    .AddTriage(builder.Configuration)
    .AddIntakeApi(builder.Configuration)
    .AddPublicIntake(builder.Configuration)
    .AddBatchDetection(builder.Configuration)
    .AddAnswerRate()
    .AddAttachments(builder.Configuration)
    .AddRouting(builder.Configuration)
    .AddInvestigationAndCollaboration(builder.Configuration)
    .AddResolution(builder.Configuration)
    .AddScheduling(builder.Configuration)
    .AddCrisisBoard(builder.Configuration)
    .AddSatisfaction(builder.Configuration)
    .AddQuality(builder.Configuration)
    .AddReports(builder.Configuration)
    .AddConsoleUi();

var app = builder.Build();

if (await CommandLine.TryRunAsync(app, args)) return;

await app.Services.PrepareDatabaseAsync();

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/error", createScopeForErrors: true);
    app.UseHsts();
}
// Re-running a page for a failed form post would post again (and fail antiforgery again): pages only for GET/HEAD.
app.UseWhen(
    http => HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method),
    branch => branch.UseStatusCodePagesWithReExecute("/not-found"));
app.UseRequestLocalization();
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();

// wwwroot holds only public files (styles, scripts, icons): the sign-in and public pages need them before sign-in.
app.MapStaticAssets().AllowAnonymous();
app.MapHealth();
app.MapCultureSwitch();
app.MapAccountEndpoints();
app.MapIntake();
app.MapIntakeApi();
app.MapPublicIntake();
app.MapAnswerRate();
app.MapCrisisBoard();
app.MapSatisfaction();
app.MapQuality();
app.MapReports();
app.MapConsoleUi();

await app.RunAsync();

/// <summary>Exposed for WebApplicationFactory.</summary>
public partial class Program;
