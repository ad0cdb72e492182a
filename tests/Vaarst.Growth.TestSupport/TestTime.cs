using Microsoft.Extensions.Time.Testing;

namespace Vaarst.Growth.TestSupport;

/// <summary>The clock of every test: a <see cref="FakeTimeProvider"/> at the same fixed moment, moved by hand.</summary>
public static class TestTime
{
    /// <summary>Friday 27 November 2026, 09:00 UTC.</summary>
    public static readonly DateTimeOffset Start = new(2026, 11, 27, 9, 0, 0, TimeSpan.Zero);

    public static FakeTimeProvider Clock() => new(Start);
}
