using Vaarst.Growth.Core.Data;

namespace Vaarst.Growth.Core.Framework;

/// <summary>One import that changed the framework. Numbers increase by one per changing import.</summary>
public sealed class FrameworkVersion
{
    public int Id { get; set; }
    public int Number { get; set; }
    public DateTime ImportedAtUtc { get; set; }
    public int? ImportedByPersonId { get; set; }
    public required string Source { get; set; }
    public required string Summary { get; set; }
}

/// <summary>A craft of a framework, e.g. "ML and Edge ML Engineer Craft" of the "Vaarst Career Framework".</summary>
public sealed class Craft
{
    public int Id { get; set; }
    public required string FrameworkName { get; set; }
    public required string Name { get; set; }
    public List<Level> Levels { get; set; } = [];
}

/// <summary>One framework page: a craft at a level.</summary>
public sealed class Level
{
    public int Id { get; set; }
    public int CraftId { get; set; }
    public Craft? Craft { get; set; }
    public int Number { get; set; }
    public required string Title { get; set; }
    public string? Permalink { get; set; }
    public required string SourceFile { get; set; }
    public int IntroducedInVersionId { get; set; }
    public int LastChangedInVersionId { get; set; }
    public List<Section> Sections { get; set; } = [];
}

/// <summary>A <c>## Craft - X</c> section of a level: "All" or a specialism.</summary>
public sealed class Section
{
    public int Id { get; set; }
    public int LevelId { get; set; }
    public Level? Level { get; set; }
    public required string Name { get; set; }
    public bool AppliesToAll { get; set; }
    public int Order { get; set; }
    public int? RetiredInVersionId { get; set; }
    public List<Area> Areas { get; set; } = [];
}

/// <summary>A row of a section's table. An undefined area (a <c>TODO</c> cell) has no statements.</summary>
public sealed class Area
{
    public int Id { get; set; }
    public int SectionId { get; set; }
    public Section? Section { get; set; }
    public required string Name { get; set; }
    public required string Anchor { get; set; }
    public string? Link { get; set; }
    public bool IsDefined { get; set; }
    public int Order { get; set; }
    public int? RetiredInVersionId { get; set; }
    public List<Statement> Statements { get; set; } = [];
}

/// <summary>
/// A competency statement. Its identity survives re-imports: unchanged text keeps the row; changed text updates
/// <see cref="Text"/> (the old text stays in <see cref="Revisions"/>) and flags signed-off items for re-confirmation;
/// a removed statement is retired, never deleted, so nobody's ratings, evidence or sign-offs are lost.
/// </summary>
public sealed class Statement
{
    public int Id { get; set; }
    public int AreaId { get; set; }
    public Area? Area { get; set; }
    public required string Text { get; set; }
    public int Order { get; set; }
    public int IntroducedInVersionId { get; set; }
    public int LastChangedInVersionId { get; set; }
    public int? RetiredInVersionId { get; set; }
    public List<StatementRevision> Revisions { get; set; } = [];
}

/// <summary>The text a statement had from a framework version on.</summary>
public sealed class StatementRevision
{
    public int Id { get; set; }
    public int StatementId { get; set; }
    public int FrameworkVersionId { get; set; }
    public required string Text { get; set; }
}
