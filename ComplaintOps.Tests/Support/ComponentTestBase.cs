using ComplaintOps.Features.Satisfaction;
using ComplaintOps.Features.Quality;
using System.Security.Claims;
using Bunit;
using Bunit.TestDoubles;
using ComplaintOps.Data;
using ComplaintOps.Domain.Complaints;
using ComplaintOps.Features.Calendars;
using ComplaintOps.Features.Attachments;
using ComplaintOps.Features.Complaints;
using ComplaintOps.Features.Handling.Routing;
using ComplaintOps.Features.Handling;
using ComplaintOps.Features.Identity;
using ComplaintOps.Features.Triage;
using ComplaintOps.Features.Triage.BatchDetection;
using ComplaintOps.Features.Intake;
using ComplaintOps.Features.Resolution;
using ComplaintOps.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using MudBlazor.Services;

namespace ComplaintOps.Tests.Support;

/// <summary>
/// bUnit context with the app's real services (same registration helpers as Program.cs) over a fresh,
/// migrated SQLite file and a fake clock of its own; the signed-in user is an agent.
/// </summary>
public abstract class ComponentTestBase : BunitContext, IAsyncLifetime
{
    private readonly string _dataDirectory = RepoPaths.NewTempDirectory();

    protected FakeTimeProvider Clock { get; } = TestClock.Create();

    protected static readonly Actor Agent = new("agent-id", "李娜");

    protected ComponentTestBase()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        var config = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(RepoPaths.Root, "appsettings.json"))
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:DatabasePath"] = Path.Combine(_dataDirectory, "components.db") })
            .Build();
        Services.AddSingleton<IConfiguration>(config);
        Services.AddSingleton<IHostEnvironment>(new TestHostEnvironment(RepoPaths.Root));
        Services.AddLogging();
        Services.AddConsoleFoundation(config);
        Services.RemoveAll<TimeProvider>();
        Services.AddSingleton<TimeProvider>(Clock);
        Services.AddWorkingCalendar(config);
        Services.AddComplaintQueue();
        Services.AddTriage(config);
        Services.AddIntake();
        Services.AddResolution(config);
        Services.AddAttachments(config);
        Services.AddBatchDetection(config);
        Services.AddRouting(config);
        Services.AddInvestigationAndCollaboration(config);
        Services.AddSatisfaction(config);
        Services.AddQuality(config);
        Services.AddLocalization();
        Services.AddMudServices();

        var auth = AddAuthorization();
        auth.SetAuthorized("agent");
        auth.SetRoles(Roles.Agent);
        auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, Agent.Id), new Claim(CurrentActor.DisplayNameClaim, Agent.Name));
    }

    protected IDbContextFactory<ComplaintOpsDb> DbFactory => Services.GetRequiredService<IDbContextFactory<ComplaintOpsDb>>();

    protected WorkingCalendarService Calendar => Services.GetRequiredService<WorkingCalendarService>();

    protected Task<int> StoreAsync(Complaint complaint) => TestComplaints.StoreAsync(DbFactory, Calendar, complaint);

    protected DateTime Now => Clock.GetUtcNow().UtcDateTime;

    public async Task InitializeAsync()
    {
        await DatabaseSetup.MigrateAsync(DbFactory);
        await Calendar.InitializeAsync();
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dataDirectory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    private sealed class TestHostEnvironment(string root) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Testing";
        public string ApplicationName { get; set; } = "ComplaintOps";
        public string ContentRootPath { get; set; } = root;
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
