using LifePos.Core.Journal;
using Xunit;

namespace LifePos.Tests.Journal;

/// <summary>The journal's writer and reader together: intents and outcomes, a cut line, format 1, parallel appends.</summary>
public sealed class ChangeJournalTests : IDisposable
{
    private static readonly Guid Organization = Guid.Parse("9d5f1c2a-0000-4000-8000-000000000001");
    private readonly string _folder = Directory.CreateTempSubdirectory("journal-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string PathOf(string name) => Path.Combine(_folder, name);

    private static JournalRecord Update(JournalRun run, string oldMeta, string newMeta)
    {
        var record = new JournalRecord("update")
        {
            WorkplaceId = Guid.NewGuid(),
            WorkplaceNumber = 17,
            WorkplaceName = "Касса 17",
            Changes = new[] { new FieldChange("Meta", oldMeta, newMeta), new FieldChange("Extensions.bad", null, new Dictionary<string, object?> { ["a"] = 1L }) },
        };
        run.Adopt(record);
        return record;
    }

    [Fact]
    public void AnIntentAndItsOutcome_ReadAsOneEntry_WithTheRunAndEveryField()
    {
        var journal = new ChangeJournal(PathOf("one.jsonl"));
        var run = new JournalRun(journal, "Set-LifePosWorkplace", Organization);
        var record = Update(run, "hall", "kitchen");
        record.Intend();
        record.RequestId = "req-1";
        journal.Append(record, DateTimeOffset.UtcNow);

        var lines = File.ReadAllLines(journal.Path);
        Assert.Equal(2, lines.Length);
        Assert.Contains("\"line\":\"intent\"", lines[0]);
        Assert.DoesNotContain("\"outcome\"", lines[0]);
        Assert.Contains("\"line\":\"outcome\"", lines[1]);

        var entry = Assert.Single(JournalReader.ReadFile(journal.Path).Entries);
        Assert.Equal(run.Id, entry.RunId);
        Assert.Equal(1, entry.Sequence);
        Assert.Equal("Set-LifePosWorkplace", entry.Command);
        Assert.Equal(Environment.MachineName, entry.Host);
        Assert.Equal(Environment.UserName, entry.User);
        Assert.Equal(Organization, entry.OrganizationId);
        Assert.Equal(record.WorkplaceId, entry.WorkplaceId);
        Assert.Equal(17, entry.Number);
        Assert.Equal("Касса 17", entry.Name);
        Assert.Equal("update", entry.Operation);
        Assert.Equal("done", entry.Outcome);
        Assert.Equal(2, entry.Version);
        Assert.Equal(new[] { "Meta", "Extensions.bad" }, entry.Changes.Select(change => change.Field));
        Assert.Equal("hall", entry.Changes[0].OldValue);
        Assert.Equal("kitchen", entry.Changes[0].NewValue);
        Assert.Null(entry.Changes[1].OldValue);
        Assert.True(Core.Json.PlainJson.DeepEquals(new Dictionary<string, object?> { ["a"] = 1L }, entry.Changes[1].NewValue));
    }

    [Fact]
    public void AnIntentWithoutAnOutcome_IsUnknown()
    {
        var journal = new ChangeJournal(PathOf("crash.jsonl"));
        var run = new JournalRun(journal, "Set-LifePosWorkplace", Organization);
        Update(run, "hall", "kitchen").Intend();

        var entry = Assert.Single(JournalReader.ReadFile(journal.Path).Entries);
        Assert.Equal("unknown", entry.Outcome);
        Assert.Contains("may have happened", entry.Error);
        Assert.Equal("kitchen", entry.Changes[0].NewValue);
    }

    [Fact]
    public void ACutLastLine_IsSkippedAndCounted_AndTheNextLineStartsOnItsOwn()
    {
        var journal = new ChangeJournal(PathOf("cut.jsonl"));
        var run = new JournalRun(journal, "Set-LifePosWorkplace", Organization);
        var first = Update(run, "a", "b");
        first.Intend();
        journal.Append(first, DateTimeOffset.UtcNow);
        var whole = File.ReadAllText(journal.Path);
        File.AppendAllText(journal.Path, whole.Substring(0, whole.IndexOf('\n') / 2));

        var cut = JournalReader.ReadFile(journal.Path);
        Assert.Single(cut.Entries);
        Assert.Equal(1, cut.UnreadableLines);
        Assert.Equal(3, cut.FirstUnreadableLine);

        var second = Update(run, "c", "d");
        second.Intend();
        journal.Append(second, DateTimeOffset.UtcNow);
        var after = JournalReader.ReadFile(journal.Path);
        Assert.Equal(new[] { "done", "done" }, after.Entries.Select(entry => entry.Outcome));
        Assert.Equal(1, after.UnreadableLines);
    }

    [Fact]
    public void AFormatOneLine_StillReads_WithoutARun()
    {
        var reader = new JournalReader();
        reader.ReadText(
            "{\"time\":\"2026-11-29T18:00:00.123Z\",\"organization\":\"9d5f1c2a-0000-4000-8000-000000000001\",\"operation\":\"update\"," +
            "\"workplace\":{\"id\":\"cf58d0b1-0000-4000-8000-000000000017\",\"number\":17,\"name\":\"Касса 0017\"}," +
            "\"changes\":[{\"field\":\"Meta\",\"old\":\"hall\",\"new\":\"kitchen\"}],\"retries\":0,\"outcome\":\"done\",\"error_code\":null,\"error\":null,\"request_id\":null}\n");

        var entry = Assert.Single(reader.Entries);
        Assert.Null(entry.RunId);
        Assert.Equal(1, entry.Version);
        Assert.Equal("done", entry.Outcome);
        Assert.Equal(17, entry.Number);
        Assert.Equal("kitchen", entry.Changes.Single().NewValue);
    }

    [Fact]
    public void ParallelAppends_StayWholeLines_AndPairUp()
    {
        var journal = new ChangeJournal(PathOf("parallel.jsonl"));
        var runs = Enumerable.Range(0, 4).Select(_ => new JournalRun(journal, "New-LifePosWorkplace", Organization)).ToList();
        Parallel.For(0, 200, new ParallelOptions { MaxDegreeOfParallelism = 8 }, index =>
        {
            var record = Update(runs[index % runs.Count], "x" + index, "y" + index);
            record.Intend();
            journal.Append(record, DateTimeOffset.UtcNow);
        });

        var reader = JournalReader.ReadFile(journal.Path);
        Assert.Equal(0, reader.UnreadableLines);
        Assert.Equal(200, reader.Entries.Count);
        Assert.All(reader.Entries, entry => Assert.Equal("done", entry.Outcome));
        Assert.All(runs, run => Assert.Equal(Enumerable.Range(1, 50), reader.Entries.Where(entry => entry.RunId == run.Id).Select(entry => entry.Sequence).OrderBy(n => n)));
    }
}
