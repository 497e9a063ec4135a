using System.Net;
using System.Text;
using ComplaintOps.Domain.Complaints;
using ComplaintOps.Features.Intake.Public;
using ComplaintOps.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintOps.Tests.Features.Intake.Public;

public sealed class PublicComplaintFormTests(PublicAppFactory app) : IClassFixture<PublicAppFactory>
{
    private PublicPages Pages(string? culture = null) => PublicPages.Anonymous(app, culture);

    [Fact]
    public async Task R2_the_form_and_the_status_page_open_without_signing_in_and_show_the_hotline_and_mailbox()
    {
        var pages = Pages();
        foreach (var url in new[] { "/public/complaint", "/public/status" })
        {
            var html = await pages.GetAsync(url);
            Assert.Equal("400-800-1234", PublicPages.TestId(html, "hotline"));
            Assert.Equal("complaints@example.com", PublicPages.TestId(html, "mailbox"));
            // The public layout: no console navigation, no sign-in form.
            Assert.DoesNotContain("mud-navmenu", html, StringComparison.Ordinal);
            Assert.DoesNotContain("/account/login", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task R2_both_pages_speak_english_when_asked()
    {
        var pages = Pages("en");
        var form = await pages.GetAsync("/public/complaint");
        Assert.Contains("Online complaint", form, StringComparison.Ordinal);
        Assert.Contains("After-sales: return or refund", form, StringComparison.Ordinal);
        Assert.Contains("Check progress", await pages.GetAsync("/public/status"), StringComparison.Ordinal);
        Assert.Contains("在线投诉", WebUtility.HtmlDecode(await Pages("zh-CN").GetAsync("/public/complaint")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task R3_a_form_with_nothing_filled_in_says_what_is_missing_and_stores_nothing()
    {
        var before = await CountsAsync();
        var (response, html) = await Pages().SubmitAsync(new Dictionary<string, string> { ["Form.SpecialGroup"] = "None" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        foreach (var field in new[] { "Topic", "ProductLine", "Description", "Demands", "Name", "Phone", "Province", "City" })
            Assert.Equal("请填写此项。", PublicPages.TestId(html, $"error-{field}"));
        Assert.Null(PublicPages.TestId(html, "error-Email"));
        Assert.Null(PublicPages.TestId(html, "tracking-number"));
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task R3_an_invalid_phone_email_or_product_line_is_refused_and_the_answers_are_kept()
    {
        var form = PublicPages.ValidForm();
        form["Form.Phone"] = "12345678901";
        form["Form.Email"] = "not-an-email";
        form["Form.ProductLine"] = "不存在的产品";
        var (response, html) = await Pages("en").SubmitAsync(form);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("11-digit mainland China mobile number", PublicPages.TestId(html, "error-Phone"), StringComparison.Ordinal);
        Assert.Equal("This is not a valid email address.", PublicPages.TestId(html, "error-Email"));
        Assert.Equal("Please choose from the list.", PublicPages.TestId(html, "error-ProductLine"));
        Assert.Null(PublicPages.TestId(html, "error-Name"));
        // What the person typed is still there.
        var text = WebUtility.HtmlDecode(html);
        Assert.Contains("七天无理由退货被商家拒绝", text, StringComparison.Ordinal);
        Assert.Contains("value=\"张三\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task R2_a_valid_form_returns_a_tracking_number_and_a_secret_and_enters_through_intake_on_the_web_channel()
    {
        var form = PublicPages.ValidForm();
        form["Form.Phone"] = "+86 139-1234-5678";
        var (tracking, secret) = await Pages().SubmitValidAsync(form);

        Assert.Matches("^[A-Z0-9-]+$", tracking);
        Assert.Matches("^[A-Z2-9]{10}$", secret);
        await using var db = app.OpenDb();
        var complaint = await db.Complaints.Include(c => c.Timeline).SingleAsync(c => c.TrackingNumber == tracking);
        Assert.Equal(Channel.Web, complaint.Channel);
        Assert.Equal(ComplaintStatus.Received, complaint.Status);
        Assert.False(string.IsNullOrEmpty(complaint.OwnerId)); // R34: the intake desk owns it until an agent takes it
        Assert.Equal("13912345678", complaint.Complainant.Phone);
        Assert.Equal(ProblemSubType.ReturnOrRefund, complaint.ProblemSubType);
        Assert.Equal("电商平台", complaint.ProductLine);
        Assert.Equal("public", complaint.Timeline.Single(e => e.Kind == TimelineEventKind.Received).ActorId);
        Assert.NotNull(complaint.FirstReplyDueUtc);
    }

    [Theory]
    [InlineData("ContentInfringement", ProblemSubType.Copyright)]
    [InlineData("AccountProblem", ProblemSubType.Account)]
    [InlineData("ProductFault", ProblemSubType.Malfunction)]
    [InlineData("Other", ProblemSubType.PoorExperience)]
    public async Task R4_the_what_is_it_about_choice_suggests_a_sub_type(string topic, ProblemSubType expected)
    {
        var form = PublicPages.ValidForm();
        form["Form.Topic"] = topic;
        var (tracking, _) = await Pages().SubmitValidAsync(form);
        await using var db = app.OpenDb();
        Assert.Equal(expected, await db.Complaints.Where(c => c.TrackingNumber == tracking).Select(c => c.ProblemSubType).SingleAsync());
    }

    [Fact]
    public async Task R2_the_secret_is_stored_only_as_a_salted_hash()
    {
        var (tracking, secret) = await Pages().SubmitValidAsync();

        await using (var db = app.OpenDb())
        {
            var id = await db.Complaints.Where(c => c.TrackingNumber == tracking).Select(c => c.Id).SingleAsync();
            var stored = await db.PublicLookupSecrets.SingleAsync(s => s.ComplaintId == id);
            Assert.NotEqual(secret, stored.Hash, StringComparer.OrdinalIgnoreCase);
            Assert.DoesNotContain(secret, stored.Hash + stored.Salt, StringComparison.OrdinalIgnoreCase);
            Assert.True(LookupSecrets.Matches(stored, secret.ToLowerInvariant()));
        }
        // Nowhere in the database files either (including the write-ahead log).
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var needle = Encoding.UTF8.GetBytes(secret);
        foreach (var file in Directory.GetFiles(app.DataDirectory, "complaintops.db*"))
        {
            var bytes = await ReadSharedAsync(file);
            Assert.True(bytes.AsSpan().IndexOf(needle) < 0, $"{Path.GetFileName(file)} holds the secret in clear");
        }
    }

    [Fact]
    public async Task R17_status_by_secret_and_by_the_phones_last_four_digits_shows_plain_status_and_next_feedback_date()
    {
        var pages = Pages();
        var (tracking, secret) = await pages.SubmitValidAsync();

        var (bySecret, html) = await pages.LookupAsync(tracking, secret[..5] + "-" + secret[5..].ToLowerInvariant());
        Assert.Equal(HttpStatusCode.OK, bySecret.StatusCode);
        Assert.Equal(tracking, PublicPages.TestId(html, "status-tracking"));
        Assert.Equal("已收到，等待受理", PublicPages.TestId(html, "status-text"));
        Assert.NotNull(PublicPages.TestId(html, "next-step"));
        await using var db = app.OpenDb();
        var due = await db.Complaints.Where(c => c.TrackingNumber == tracking).Select(c => c.FirstReplyDueUtc).SingleAsync();
        var expected = TimeZoneInfo.ConvertTimeFromUtc(due!.Value, TestClock.ShanghaiZone).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains(expected, PublicPages.TestId(html, "next-feedback"), StringComparison.Ordinal);
        Assert.Equal("尚未分配，正在安排", PublicPages.TestId(html, "handler-alias"));

        var (_, byPhone) = await pages.LookupAsync(tracking, "5678");
        Assert.Equal(tracking, PublicPages.TestId(byPhone, "status-tracking"));
    }

    [Theory]
    [InlineData("wrong-secret")]
    [InlineData("AAAAAAAAAA")]
    [InlineData("0000")]
    public async Task R17_a_wrong_code_gets_the_same_generic_not_found_as_an_unknown_tracking_number(string code)
    {
        var pages = Pages();
        var (tracking, _) = await pages.SubmitValidAsync();

        var (_, wrongCode) = await pages.LookupAsync(tracking, code);
        var (_, wrongNumber) = await pages.LookupAsync("TS-00000000-99999", "5678");

        var message = PublicPages.TestId(wrongCode, "lookup-not-found");
        Assert.Equal("未找到匹配的投诉，请核对后重试。", message);
        Assert.Equal(message, PublicPages.TestId(wrongNumber, "lookup-not-found"));
        Assert.Null(PublicPages.TestId(wrongCode, "status-view"));
    }

    [Fact]
    public async Task R2_script_in_the_text_is_shown_as_text_on_the_status_page()
    {
        var form = PublicPages.ValidForm();
        form["Form.Description"] = "<script>alert('x')</script> 退款没到账";
        var pages = Pages();
        var (tracking, secret) = await pages.SubmitValidAsync(form);

        var (_, html) = await pages.LookupAsync(tracking, secret);
        Assert.DoesNotContain("<script>alert(", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(", html, StringComparison.Ordinal);
        Assert.Equal("<script>alert('x')</script> 退款没到账", PublicPages.TestId(html, "status-description"));
    }

    [Fact]
    public async Task R30_the_status_page_shows_the_handlers_work_alias_never_the_real_name()
    {
        await using var db = app.OpenDb();
        var handled = await db.Complaints.Where(c => c.HandlerId != null && c.Status != ComplaintStatus.Archived)
            .Select(c => new { c.TrackingNumber, c.Complainant.PhoneLast4, c.HandlerId, c.HandlerName }).FirstAsync();
        var user = await db.Users.SingleAsync(u => u.Id == handled.HandlerId);
        Assert.NotEqual(user.DisplayName, user.WorkAlias);

        var (_, html) = await Pages().LookupAsync(handled.TrackingNumber, handled.PhoneLast4);

        Assert.Equal(user.WorkAlias, PublicPages.TestId(html, "handler-alias"));
        // Blazor encodes non-ASCII characters: compare the decoded text.
        var text = WebUtility.HtmlDecode(html);
        Assert.Contains(user.WorkAlias, text, StringComparison.Ordinal);
        Assert.DoesNotContain(user.DisplayName, text, StringComparison.Ordinal);
        Assert.DoesNotContain(handled.HandlerName!, text, StringComparison.Ordinal);
        Assert.DoesNotContain(">" + user.UserName! + "<", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task R27_a_png_is_kept_with_the_complaint()
    {
        var (response, html) = await Pages().SubmitAsync(PublicPages.ValidForm(), ("收据.png", PublicPages.Png));
        Assert.True(response.StatusCode == HttpStatusCode.OK, html);
        var tracking = PublicPages.TestId(html, "tracking-number");

        await using var db = app.OpenDb();
        var id = await db.Complaints.Where(c => c.TrackingNumber == tracking).Select(c => c.Id).SingleAsync();
        var file = await db.Attachments.SingleAsync(a => a.ComplaintId == id);
        Assert.Equal("image/png", file.ContentType);
        Assert.Equal("收据.png", file.FileName);
        Assert.Equal("public", file.UploadedBy);
    }

    [Fact]
    public async Task R27_an_exe_is_refused_even_beside_a_good_png_and_nothing_is_stored()
    {
        var before = await CountsAsync();
        var (response, html) = await Pages().SubmitAsync(PublicPages.ValidForm(),
            ("photo.png", PublicPages.Png), ("setup.exe", [(byte)'M', (byte)'Z', 0x90, 0, 3, 0, 0, 0]));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("setup.exe", PublicPages.TestId(html, "error-Attachments"), StringComparison.Ordinal);
        Assert.Null(PublicPages.TestId(html, "tracking-number"));
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task R27_an_oversized_file_is_refused_and_nothing_is_stored()
    {
        var before = await CountsAsync();
        var big = new byte[10 * 1024 * 1024 + 1];
        PublicPages.Png.CopyTo(big, 0);
        var (response, html) = await Pages("en").SubmitAsync(PublicPages.ValidForm(), ("big.png", big));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("The file \"big.png\" is larger than 10 MB.", PublicPages.TestId(html, "error-Attachments"));
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task R5_a_special_group_is_flagged_and_its_call_back_booking_is_shown_on_the_status_page()
    {
        var pages = Pages();
        var formHtml = await pages.GetAsync("/public/complaint");
        var slot = System.Text.RegularExpressions.Regex.Matches(formHtml, """<option value="(\d{4}-\d\d-\d\dT\d\d:\d\dZ)""")
            .Select(m => m.Groups[1].Value).First();
        var form = PublicPages.ValidForm();
        form["Form.SpecialGroup"] = "Elderly";
        form["Form.CallbackSlot"] = slot;
        var (response, html) = await pages.SubmitAsync(form);
        Assert.True(response.StatusCode == HttpStatusCode.OK, html);
        var tracking = PublicPages.TestId(html, "tracking-number")!;
        Assert.NotNull(PublicPages.TestId(html, "booked-slot"));

        await using var db = app.OpenDb();
        var complaint = await db.Complaints.SingleAsync(c => c.TrackingNumber == tracking);
        Assert.Equal(SpecialGroup.Elderly, complaint.SpecialGroup);
        var booking = await db.CallbackBookings.SingleAsync(b => b.ComplaintId == complaint.Id);
        Assert.Equal(slot, CallbackSlots.Format(booking.SlotStartUtc));

        var (_, status) = await pages.LookupAsync(tracking, PublicPages.TestId(html, "lookup-secret")!);
        var shown = TimeZoneInfo.ConvertTimeFromUtc(booking.SlotStartUtc, TestClock.ShanghaiZone).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains(shown, PublicPages.TestId(status, "callback-booked"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task R5_a_slot_that_was_not_offered_or_without_a_special_group_is_refused()
    {
        var before = await CountsAsync();
        var form = PublicPages.ValidForm();
        form["Form.SpecialGroup"] = "Minor";
        form["Form.CallbackSlot"] = "2026-11-29T02:00Z"; // Sunday 10:00 in Shanghai
        var (response, html) = await Pages().SubmitAsync(form);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.NotNull(PublicPages.TestId(html, "error-CallbackSlot"));

        var offered = System.Text.RegularExpressions.Regex.Match(html, """<option value="(\d{4}-\d\d-\d\dT\d\d:\d\dZ)""").Groups[1].Value;
        form["Form.SpecialGroup"] = "None";
        form["Form.CallbackSlot"] = offered;
        (response, html) = await Pages().SubmitAsync(form);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("预约回电仅面向需要特别协助的用户，请先在上方选择。", PublicPages.TestId(html, "error-CallbackSlot"));
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public void R2_the_form_endpoint_caps_the_request_size_before_the_form_is_read()
    {
        _ = app.CreateClient();
        var endpoints = app.Services.GetRequiredService<Microsoft.AspNetCore.Routing.EndpointDataSource>().Endpoints
            .OfType<Microsoft.AspNetCore.Routing.RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText == "/public/complaint")
            .ToList();
        Assert.NotEmpty(endpoints);
        Assert.All(endpoints, e =>
        {
            Assert.Equal(PublicIntakeService.MaxRequestBytes, e.Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.IRequestSizeLimitMetadata>()?.MaxRequestBodySize);
            Assert.NotNull(e.Metadata.GetMetadata<Microsoft.AspNetCore.Authorization.IAllowAnonymous>());
        });
    }

    private async Task<(int Complaints, int Attachments, int Secrets)> CountsAsync()
    {
        await using var db = app.OpenDb();
        return (await db.Complaints.CountAsync(), await db.Attachments.CountAsync(), await db.PublicLookupSecrets.CountAsync());
    }

    private static async Task<byte[]> ReadSharedAsync(string path)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer);
        return buffer.ToArray();
    }
}
