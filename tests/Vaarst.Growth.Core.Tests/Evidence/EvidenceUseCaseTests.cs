using Microsoft.EntityFrameworkCore;
using Vaarst.Growth.Core.Audit;
using Vaarst.Growth.Core.Checklist;
using Vaarst.Growth.Core.Evidence;
using Vaarst.Growth.Core.People;
using Vaarst.Growth.Core.Review;
using static Vaarst.Growth.Core.Tests.Scenario;

namespace Vaarst.Growth.Core.Tests.Evidence;

public sealed class EvidenceUseCaseTests
{
    private const string Benchmarking = "I can to write performance/benchmarking code";
    private const string Cuda = "I can use the relevant Parallel Computing";
    private static readonly EvidenceDetails Details = new("Benchmark harness", new DateOnly(2026, 10, 1), "p50/p95 per frame");

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("data:text/html,<script>alert(1)</script>")]
    [InlineData("/relative/path")]
    public async Task AddLinkEvidence_refuses_unsafe_links_and_writes_nothing(string url)
    {
        await using var s = await CreateAsync();
        var statement = await s.StatementAsync(Benchmarking);

        await Assert.ThrowsAsync<ValidationException>(() =>
            s.UseCase<AddLinkEvidence>().HandleAsync(s.Edge, new AddLinkEvidenceRequest(Details, url, [statement]), Ct));

        Assert.Equal(0, await s.CountAsync<EvidenceEntry>());
        Assert.Equal(0, await s.CountAsync<ChecklistItem>());
    }

    [Fact]
    public async Task AddLinkEvidence_recognises_the_kind_and_attaches_to_two_statements()
    {
        await using var s = await CreateAsync();
        var statements = new[] { await s.StatementAsync(Benchmarking), await s.StatementAsync(Cuda) };

        var id = await s.UseCase<AddLinkEvidence>().HandleAsync(s.Edge,
            new AddLinkEvidenceRequest(Details, "https://github.com/vaarst/edge/pull/42", statements), Ct);

        var library = await s.UseCase<GetEvidenceLibrary>().HandleAsync(s.Edge, false, Ct);
        var evidence = Assert.Single(library);
        Assert.Equal(id, evidence.Id);
        Assert.Equal("GitHub pull request", evidence.LinkLabel);
        Assert.Equal(statements.Order(), evidence.Supports.Select(x => x.StatementId).Order());
        var checklist = await s.UseCase<GetChecklist>().HandleAsync(s.Edge, new GetChecklistRequest(), Ct);
        Assert.Equal(2, checklist.Rows.Count(r => r.EvidenceCount == 1));
    }

    [Fact]
    public async Task AddNoteEvidence_keeps_markdown_and_renders_it_safely()
    {
        await using var s = await CreateAsync();
        const string note = "**Bold** <script>window.__pwned=1</script> <img src=x onerror=alert(1)> [x](javascript:alert(1))";

        await s.UseCase<AddNoteEvidence>().HandleAsync(s.Edge, new AddNoteEvidenceRequest(Details, note, []), Ct);

        var stored = Assert.Single(await s.UseCase<GetEvidenceLibrary>().HandleAsync(s.Edge, false, Ct));
        Assert.Equal(note, stored.NoteMarkdown);
        var html = NoteRenderer.ToSafeHtml(stored.NoteMarkdown!);
        Assert.Contains("<strong>Bold</strong>", html);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        // Raw HTML is shown as text (escaped), never as elements or attributes: check the parsed DOM.
        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
        Assert.Empty(document.QuerySelectorAll("script, img, iframe"));
        Assert.DoesNotContain(document.All.SelectMany(e => e.Attributes), a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(document.QuerySelectorAll("a[href]"), a => a.GetAttribute("href")!.Contains("javascript", StringComparison.OrdinalIgnoreCase));
        Assert.Contains("&lt;script&gt;", html);
    }

    [Fact]
    public async Task AddFileEvidence_over_the_size_cap_is_refused_and_nothing_is_stored()
    {
        await using var s = await CreateAsync();
        var content = new byte[25 * 1024 * 1024];
        "%PDF-1.7\n"u8.CopyTo(content);

        var ex = await Assert.ThrowsAsync<ValidationException>(() =>
            s.UseCase<AddFileEvidence>().HandleAsync(s.Edge, new AddFileEvidenceRequest(Details, "big.pdf", new MemoryStream(content), []), Ct));

        Assert.Contains("20 MB", ex.Message);
        Assert.Equal(0, await s.CountAsync<EvidenceEntry>());
        Assert.False(Directory.Exists(s.FileStore.RootFolder) && Directory.EnumerateFiles(s.FileStore.RootFolder, "*", SearchOption.AllDirectories).Any());
    }

    [Fact]
    public async Task AddFileEvidence_exe_renamed_pdf_is_refused()
    {
        await using var s = await CreateAsync();
        var exe = new byte[4096];
        "MZ"u8.CopyTo(exe);

        var ex = await Assert.ThrowsAsync<ValidationException>(() =>
            s.UseCase<AddFileEvidence>().HandleAsync(s.Edge, new AddFileEvidenceRequest(Details, "setup.pdf", new MemoryStream(exe), []), Ct));

        Assert.Contains("not an allowed file type", ex.Message);
        Assert.Equal(0, await s.CountAsync<EvidenceEntry>());
    }

    [Fact]
    public async Task AddFileEvidence_stores_by_content_with_a_safe_name_and_only_owner_and_manager_can_open_it()
    {
        await using var s = await CreateAsync();
        var pdf = "%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n"u8.ToArray();

        var id = await s.UseCase<AddFileEvidence>().HandleAsync(s.Edge, new AddFileEvidenceRequest(Details, "../../etc/report.pdf", new MemoryStream(pdf), []), Ct);

        var stored = Assert.Single(await s.UseCase<GetEvidenceLibrary>().HandleAsync(s.Edge, false, Ct));
        Assert.Equal(("report.pdf", "application/pdf", (long)pdf.Length), (stored.FileName, stored.ContentType, stored.FileSize));
        var open = s.UseCase<OpenEvidenceFile>();
        await using (var download = (await open.HandleAsync(s.Edge, id, Ct)).Content)
        {
            using var copy = new MemoryStream();
            await download.CopyToAsync(copy, Ct);
            Assert.Equal(pdf, copy.ToArray());
        }

        (await open.HandleAsync(s.Manager, id, Ct)).Content.Dispose();
        await Assert.ThrowsAsync<NotFoundException>(() => open.HandleAsync(s.Ml, id, Ct));
        await Assert.ThrowsAsync<NotFoundException>(() => open.HandleAsync(s.OtherManager, id, Ct));
    }

    [Fact]
    public async Task EditEvidence_supporting_a_signed_off_item_flags_it_for_reconfirmation()
    {
        await using var s = await CreateAsync();
        var (itemId, evidenceId) = await s.ItemWithEvidenceAsync(s.Edge, await s.StatementAsync(Benchmarking), ItemStatus.SignedOff);
        var version = Assert.Single(await s.UseCase<GetEvidenceLibrary>().HandleAsync(s.Edge, false, Ct)).Version;

        await s.UseCase<EditEvidence>().HandleAsync(s.Edge,
            new EditEvidenceRequest(evidenceId, version, Details with { Title = "A better title" }, "https://github.com/vaarst/x/pull/2"), Ct);

        var item = await s.ItemAsync(itemId);
        Assert.True(item.NeedsReconfirmation);
        Assert.Equal(ItemStatus.SignedOff, item.Status);
        Assert.Contains("edited after the sign-off", item.ReconfirmationReason);
        await using var db = s.Database.CreateDbContext();
        Assert.Equal(1, await db.ReviewDecisions.CountAsync(Ct));
        Assert.Equal(1, await db.AuditEvents.CountAsync(a => a.Type == AuditEventTypes.ItemFlaggedForReconfirmation, Ct));
    }

    [Fact]
    public async Task EditEvidence_flagging_three_sign_offs_reads_their_reviewers_with_the_same_queries_as_for_one()
    {
        Assert.Equal(await EditCommandsAsync(flagged: 1), await EditCommandsAsync(flagged: 3));
    }

    /// <summary>SQL queries of one edit of evidence that supports <paramref name="flagged"/> signed-off items.</summary>
    private static async Task<int> EditCommandsAsync(int flagged)
    {
        await using var s = await CreateAsync();
        string[] prefixes = [Benchmarking, Cuda, "I use technologies for code"];
        var (_, evidenceId) = await s.ItemWithEvidenceAsync(s.Edge, await s.StatementAsync(prefixes[0]), ItemStatus.SignedOff);
        var notified = new List<int>();
        foreach (var prefix in prefixes.Skip(1).Take(flagged - 1))
        {
            var (itemId, _) = await s.ItemWithEvidenceAsync(s.Edge, await s.StatementAsync(prefix), ItemStatus.SignedOff);
            await using var db = s.Database.CreateDbContext();
            db.EvidenceSupports.Add(new EvidenceSupport { EvidenceId = evidenceId, ChecklistItemId = itemId, LinkedAtUtc = s.Database.Clock.GetUtcNow().UtcDateTime });
            await db.SaveChangesAsync(Ct);
        }

        var version = (await s.UseCase<GetEvidenceLibrary>().HandleAsync(s.Edge, false, Ct)).Single(e => e.Id == evidenceId).Version;
        s.Database.Commands.Reset();
        await s.UseCase<EditEvidence>().HandleAsync(s.Edge,
            new EditEvidenceRequest(evidenceId, version, Details with { Title = "A better title" }, "https://github.com/vaarst/x/pull/2"), Ct);
        // Writes grow with the items flagged (an update and an audit event each); the reads must not.
        var queries = s.Database.Commands.Readers.Count(r => r.Sql.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase));

        await using (var db = s.Database.CreateDbContext())
        {
            Assert.Equal(flagged, await db.Notifications.CountAsync(n => n.Kind == NotificationKinds.ReconfirmationNeeded && n.RecipientId == s.Manager.PersonId, Ct));
        }

        return queries;
    }

    [Fact]
    public async Task EditEvidence_with_no_real_change_flags_nothing()
    {
        await using var s = await CreateAsync();
        var (itemId, evidenceId) = await s.ItemWithEvidenceAsync(s.Edge, await s.StatementAsync(Benchmarking), ItemStatus.SignedOff);
        var evidence = Assert.Single(await s.UseCase<GetEvidenceLibrary>().HandleAsync(s.Edge, false, Ct));

        await s.UseCase<EditEvidence>().HandleAsync(s.Edge,
            new EditEvidenceRequest(evidenceId, evidence.Version, new EvidenceDetails(evidence.Title, evidence.WorkDate, evidence.Description), evidence.Url), Ct);

        Assert.False((await s.ItemAsync(itemId)).NeedsReconfirmation);
    }

    [Fact]
    public async Task ArchiveEvidence_flags_signed_off_items_and_restore_brings_it_back()
    {
        await using var s = await CreateAsync();
        var (itemId, evidenceId) = await s.ItemWithEvidenceAsync(s.Edge, await s.StatementAsync(Benchmarking), ItemStatus.SignedOff);
        var version = Assert.Single(await s.UseCase<GetEvidenceLibrary>().HandleAsync(s.Edge, false, Ct)).Version;

        var archived = await s.UseCase<ArchiveEvidence>().HandleAsync(s.Edge, new EvidenceRef(evidenceId, version), Ct);

        Assert.True((await s.ItemAsync(itemId)).NeedsReconfirmation);
        Assert.Empty(await s.UseCase<GetEvidenceLibrary>().HandleAsync(s.Edge, false, Ct));
        Assert.True(Assert.Single(await s.UseCase<GetEvidenceLibrary>().HandleAsync(s.Edge, true, Ct)).IsArchived);

        await s.UseCase<RestoreEvidence>().HandleAsync(s.Edge, new EvidenceRef(evidenceId, archived), Ct);

        var restored = Assert.Single(await s.UseCase<GetEvidenceLibrary>().HandleAsync(s.Edge, false, Ct));
        Assert.Equal(itemId, Assert.Single(restored.Supports).ItemId);
        await using var db = s.Database.CreateDbContext();
        Assert.Equal(1, await db.AuditEvents.CountAsync(a => a.Type == AuditEventTypes.EvidenceArchived, Ct));
        Assert.Equal(1, await db.AuditEvents.CountAsync(a => a.Type == AuditEventTypes.EvidenceRestored, Ct));
    }

    [Fact]
    public async Task ArchiveEvidence_of_a_submitted_item_is_refused()
    {
        await using var s = await CreateAsync();
        var (_, evidenceId) = await s.ItemWithEvidenceAsync(s.Edge, await s.StatementAsync(Benchmarking), ItemStatus.Submitted);
        var version = Assert.Single(await s.UseCase<GetEvidenceLibrary>().HandleAsync(s.Edge, false, Ct)).Version;

        await Assert.ThrowsAsync<ValidationException>(() => s.UseCase<ArchiveEvidence>().HandleAsync(s.Edge, new EvidenceRef(evidenceId, version), Ct));
        Assert.False(Assert.Single(await s.UseCase<GetEvidenceLibrary>().HandleAsync(s.Edge, true, Ct)).IsArchived);
    }

    [Fact]
    public async Task EditEvidence_supporting_a_submitted_item_is_refused_and_nothing_changes()
    {
        await using var s = await CreateAsync();
        var (itemId, evidenceId) = await s.ItemWithEvidenceAsync(s.Edge, await s.StatementAsync(Benchmarking), ItemStatus.Submitted);
        var opened = await s.UseCase<GetItem>().HandleAsync(s.Manager, itemId, Ct);
        var evidence = Assert.Single(await s.UseCase<GetEvidenceLibrary>().HandleAsync(s.Edge, false, Ct));

        var ex = await Assert.ThrowsAsync<ValidationException>(() => s.UseCase<EditEvidence>().HandleAsync(s.Edge,
            new EditEvidenceRequest(evidenceId, evidence.Version, Details with { Title = "Swapped" }, "https://github.com/vaarst/x/pull/666"), Ct));

        Assert.Contains("waiting for review; withdraw it to change its evidence", ex.Message);
        var after = Assert.Single(await s.UseCase<GetEvidenceLibrary>().HandleAsync(s.Edge, false, Ct));
        Assert.Equal((evidence.Title, evidence.Url, evidence.Version), (after.Title, after.Url, after.Version));
        Assert.Equal(opened.EvidenceFingerprint, (await s.UseCase<GetItem>().HandleAsync(s.Manager, itemId, Ct)).EvidenceFingerprint);
        await using var db = s.Database.CreateDbContext();
        Assert.Equal(0, await db.AuditEvents.CountAsync(a => a.Type == AuditEventTypes.EvidenceEdited, Ct));
    }

    [Fact]
    public async Task Every_evidence_change_to_a_submitted_item_is_refused_with_the_same_message()
    {
        await using var s = await CreateAsync();
        var statement = await s.StatementAsync(Benchmarking);
        var (itemId, evidenceId) = await s.ItemWithEvidenceAsync(s.Edge, statement);
        var other = await s.UseCase<AddLinkEvidence>().HandleAsync(s.Edge,
            new AddLinkEvidenceRequest(Details, "https://github.com/vaarst/x/pull/7", [statement]), Ct);
        var otherVersion = (await s.UseCase<GetEvidenceLibrary>().HandleAsync(s.Edge, false, Ct)).Single(e => e.Id == other).Version;
        var archived = await s.UseCase<ArchiveEvidence>().HandleAsync(s.Edge, new EvidenceRef(other, otherVersion), Ct);
        var unlinked = await s.UseCase<AddLinkEvidence>().HandleAsync(s.Edge, new AddLinkEvidenceRequest(Details, "https://github.com/vaarst/x/pull/8", []), Ct);
        await s.UseCase<SubmitItems>().HandleAsync(s.Edge, new SubmitItemsRequest([new ItemRef(itemId, (await s.ItemAsync(itemId)).Version)]), Ct);
        var version = (await s.UseCase<GetEvidenceLibrary>().HandleAsync(s.Edge, false, Ct)).Single(e => e.Id == evidenceId).Version;
        var before = await s.UseCase<GetItem>().HandleAsync(s.Manager, itemId, Ct);

        var attempts = new Func<Task>[]
        {
            () => s.UseCase<EditEvidence>().HandleAsync(s.Edge, new EditEvidenceRequest(evidenceId, version, Details with { Title = "Swapped" }, "https://example.com/swap"), Ct),
            () => s.UseCase<ArchiveEvidence>().HandleAsync(s.Edge, new EvidenceRef(evidenceId, version), Ct),
            () => s.UseCase<RestoreEvidence>().HandleAsync(s.Edge, new EvidenceRef(other, archived), Ct),
            () => s.UseCase<DetachEvidence>().HandleAsync(s.Edge, new DetachEvidenceRequest(evidenceId, itemId), Ct),
            () => s.UseCase<AttachEvidence>().HandleAsync(s.Edge, new AttachEvidenceRequest(unlinked, [statement]), Ct),
            () => s.UseCase<AddNoteEvidence>().HandleAsync(s.Edge, new AddNoteEvidenceRequest(Details, "More proof", [statement]), Ct),
        };
        foreach (var attempt in attempts)
        {
            var ex = await Assert.ThrowsAsync<ValidationException>(attempt);
            Assert.Contains("waiting for review; withdraw it to change its evidence", ex.Message);
        }

        var after = await s.UseCase<GetItem>().HandleAsync(s.Manager, itemId, Ct);
        Assert.Equal(before.EvidenceFingerprint, after.EvidenceFingerprint);
        Assert.Equal(before.Version, after.Version);
        Assert.Equal(3, await s.CountAsync<EvidenceEntry>());
    }

    [Fact]
    public async Task DetachEvidence_from_a_signed_off_item_flags_it_and_keeps_the_evidence()
    {
        await using var s = await CreateAsync();
        var (itemId, evidenceId) = await s.ItemWithEvidenceAsync(s.Edge, await s.StatementAsync(Benchmarking), ItemStatus.SignedOff);

        await s.UseCase<DetachEvidence>().HandleAsync(s.Edge, new DetachEvidenceRequest(evidenceId, itemId), Ct);

        var item = await s.ItemAsync(itemId);
        Assert.Empty(await s.SupportsOfAsync(itemId));
        Assert.True(item.NeedsReconfirmation);
        Assert.Single(await s.UseCase<GetEvidenceLibrary>().HandleAsync(s.Edge, false, Ct));
    }

    [Fact]
    public async Task Another_engineers_evidence_cannot_be_edited_archived_attached_or_detached()
    {
        await using var s = await CreateAsync();
        var (itemId, evidenceId) = await s.ItemWithEvidenceAsync(s.Edge, await s.StatementAsync(Benchmarking));
        var mlStatement = await s.StatementAsync("I can implement algorithms");

        await Assert.ThrowsAsync<NotFoundException>(() => s.UseCase<EditEvidence>().HandleAsync(s.Ml, new EditEvidenceRequest(evidenceId, 0, Details, "https://example.com"), Ct));
        await Assert.ThrowsAsync<NotFoundException>(() => s.UseCase<ArchiveEvidence>().HandleAsync(s.Ml, new EvidenceRef(evidenceId, 0), Ct));
        await Assert.ThrowsAsync<NotFoundException>(() => s.UseCase<AttachEvidence>().HandleAsync(s.Ml, new AttachEvidenceRequest(evidenceId, [mlStatement]), Ct));
        await Assert.ThrowsAsync<NotFoundException>(() => s.UseCase<DetachEvidence>().HandleAsync(s.Ml, new DetachEvidenceRequest(evidenceId, itemId), Ct));
        Assert.Empty(await s.UseCase<GetEvidenceLibrary>().HandleAsync(s.Ml, true, Ct));
        Assert.Single(await s.SupportsOfAsync(itemId));
    }

    [Fact]
    public async Task EditEvidence_with_a_stale_version_is_a_conflict()
    {
        await using var s = await CreateAsync();
        var (_, evidenceId) = await s.ItemWithEvidenceAsync(s.Edge, await s.StatementAsync(Benchmarking));
        var version = Assert.Single(await s.UseCase<GetEvidenceLibrary>().HandleAsync(s.Edge, false, Ct)).Version;
        await s.UseCase<EditEvidence>().HandleAsync(s.Edge, new EditEvidenceRequest(evidenceId, version, Details with { Title = "First" }, "https://example.com/1"), Ct);

        await Assert.ThrowsAsync<ConflictException>(() =>
            s.UseCase<EditEvidence>().HandleAsync(s.Edge, new EditEvidenceRequest(evidenceId, version, Details with { Title = "Second" }, "https://example.com/2"), Ct));

        Assert.Equal("First", Assert.Single(await s.UseCase<GetEvidenceLibrary>().HandleAsync(s.Edge, false, Ct)).Title);
    }
}
