using ComplaintOps.Domain.Complaints;
using ComplaintOps.Features.Attachments;
using ComplaintOps.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintOps.Tests.Features.Attachments;

public sealed class AttachmentStoreTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3, 4];

    private AttachmentStore Store
    {
        get
        {
            _ = app.CreateClient();
            return app.Services.GetRequiredService<AttachmentStore>();
        }
    }

    [Fact]
    public async Task R27_a_scanned_page_is_kept_outside_wwwroot_under_a_generated_name()
    {
        var saved = await Store.SaveAsync(new MemoryStream(Png), "../../etc/信件第1页.png", AttachmentKind.ScannedLetter, "agent");

        Assert.Equal("image/png", saved.ContentType);
        Assert.Equal("信件第1页.png", saved.FileName);
        Assert.DoesNotContain("信件", saved.StoredName, StringComparison.Ordinal);
        await using var stream = Store.OpenRead(saved);
        var path = ((FileStream)stream).Name;
        Assert.DoesNotContain(Path.Combine(RepoPaths.Root, "wwwroot"), path, StringComparison.Ordinal);
        Assert.Equal(Png.Length, stream.Length);
    }

    [Fact]
    public async Task R2_a_file_that_is_not_pdf_png_or_jpeg_is_refused_whatever_its_name_and_nothing_is_kept()
    {
        await using var db = app.OpenDb();
        var before = await db.Attachments.CountAsync();
        var error = await Assert.ThrowsAsync<DomainException>(() =>
            Store.SaveAsync(new MemoryStream("MZ fake exe"u8.ToArray()), "photo.png", AttachmentKind.Document, "public"));
        Assert.Equal("AttachmentType", error.Code);
        Assert.Equal(before, await db.Attachments.CountAsync());
    }

    [Fact]
    public async Task R2_an_oversized_file_is_refused()
    {
        var big = new byte[Store.MaxBytes + 1];
        Png.CopyTo(big, 0);
        var error = await Assert.ThrowsAsync<DomainException>(() => Store.SaveAsync(new MemoryStream(big), "big.png", AttachmentKind.Document, "public"));
        Assert.Equal("AttachmentTooLarge", error.Code);
    }
}
