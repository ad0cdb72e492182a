using System.Text.Json;
using Vaarst.Growth.Core.Framework;

namespace Vaarst.Growth.Core.Tests.Framework;

public sealed class FrameworkPageParserTests : IDisposable
{
    private const string PageName = "page.md";

    // Lines 1-5; a page body built with Page() starts on line 6.
    private const string FrontMatter = "---\ntitle: Level 2 (Junior)\nparent: Test Craft\ngrand_parent: Test Framework\n---\n";

    private static readonly string _seedFolder = RepositoryRoot.Combine("seed-content");
    private static readonly string _seedPage = RepositoryRoot.Combine("seed-content", "careerframework", "mlengineer", "level4.md");

    private readonly string _tempFolder = Path.Combine(Path.GetTempPath(), "vaarst-parser-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_tempFolder))
        {
            Directory.Delete(_tempFolder, recursive: true);
        }
    }

    [Fact]
    public void Parse_seedPage_readsFrontMatter()
    {
        var page = ParseSeed();

        Assert.Equal("Vaarst Career Framework", page.Framework);
        Assert.Equal("ML and Edge ML Engineer Craft", page.Craft);
        Assert.Equal(4, page.Level);
        Assert.Equal("Mid", page.LevelTitle);
        Assert.Equal("/careerframework/mlengineer/level4", page.Permalink);
        Assert.Equal(_seedPage, page.File);
    }

    [Fact]
    public void Parse_seedPage_hasThreeSectionsInPageOrder()
    {
        var page = ParseSeed();

        Assert.Equal(["All", "ML Engineer", "Edge ML Engineer"], page.Sections.Select(s => s.Name));
        Assert.Equal([12, 23, 29], page.Sections.Select(s => s.Line));
        Assert.True(page.Sections[0].AppliesToAll);
        Assert.False(page.Sections[1].AppliesToAll);
    }

    [Fact]
    public void Parse_seedPage_hasSevenAreasTwoOfThemUndefined()
    {
        var areas = ParseSeed().Sections.SelectMany(s => s.Areas).ToList();

        Assert.Equal(7, areas.Count);
        Assert.Equal(["Architecture Design", "Technical Strategy"], areas.Where(a => !a.Defined).Select(a => a.Name));
        Assert.All(areas.Where(a => !a.Defined), a => Assert.Empty(a.Statements));
    }

    [Fact]
    public void Parse_seedPage_hasSixteenStatementsSpreadOverTheDefinedAreas()
    {
        var counts = ParseSeed().Sections.SelectMany(s => s.Areas)
            .Where(a => a.Defined)
            .ToDictionary(a => a.Name, a => a.Statements.Count);

        Assert.Equal(
            new Dictionary<string, int>
            {
                ["ML Ops"] = 3,
                ["AI Governance"] = 2,
                ["AI Strategy"] = 2,
                ["Machine Learning and Deep Learning"] = 3,
                ["Edge Computing"] = 6,
            },
            counts);
        Assert.Equal(16, counts.Values.Sum());
    }

    [Fact]
    public void Parse_seedPage_keepsAreaNameLinkAnchorAndLine()
    {
        var mlOps = Area(ParseSeed(), "ML Ops");

        Assert.Equal("/careerframework/mlengineer#ml-ops", mlOps.Link);
        Assert.Equal("ml-ops", mlOps.Anchor);
        Assert.Equal(16, mlOps.Line);
        Assert.Equal("machine-learning-and-deep-learning", Area(ParseSeed(), "Machine Learning and Deep Learning").Anchor);
    }

    [Fact]
    public void Parse_seedPage_keepsStatementTextExactly()
    {
        var page = ParseSeed();

        Assert.Equal(
            "I use technologies for code, data and model versioning, environment management (e.g. Git, conda, Poetry, pyenv, Docker, DVC, etc.) and model management (e.g. MLFlow, Weights& Biases) to ensure my work is repeatable, scalable, deployable and enables me to collaborate with others.",
            Area(page, "ML Ops").Statements[0]);
        Assert.Equal(
            "I understand the reasoning behind my team\u2019s decisions, both in terms of the needs of a project and to deliver high-level goals in Vaarst's AI strategy.",
            Area(page, "AI Strategy").Statements[0]);
        Assert.Equal(
            "I understand the stages of ML development lifecycle* and their interactions within my projects, and make adjustment to existing designs for any stage when necessary.",
            Area(page, "AI Strategy").Statements[1]);
        Assert.Equal(
            "I can to write performance/benchmarking code and analyse the results.",
            Area(page, "Edge Computing").Statements[2]);
    }

    [Fact]
    public void Parse_seedPage_trimsTheNoBreakSpaceBeforeTheBreaks()
    {
        var first = Area(ParseSeed(), "Edge Computing").Statements[0];

        Assert.StartsWith("I am proficient using fundamental languages", first);
        Assert.EndsWith("(e.g. Nvidia Jetsons).", first);
    }

    [Fact]
    public void Parse_seedPageWithCrlfLineEndings_givesTheSameResultAsLf()
    {
        var lf = File.ReadAllText(_seedPage).Replace("\r\n", "\n");
        var crlf = lf.Replace("\n", "\r\n");
        Assert.Contains("\r\n", crlf);

        var fromLf = FrameworkPageParser.Parse(PageName, lf);
        var fromCrlf = FrameworkPageParser.Parse(PageName, crlf);

        Assert.Equal(FrameworkValidationJson.Write(fromLf), FrameworkValidationJson.Write(fromCrlf));
        Assert.Equal(Lines(fromLf), Lines(fromCrlf));
        Assert.Equal("I can to write performance/benchmarking code and analyse the results.", Area(fromCrlf.Pages.Single(), "Edge Computing").Statements[2]);
    }

    [Fact]
    public void Parse_malformedPageWithCrlfLineEndings_reportsTheSameProblemsAsLf()
    {
        var lf = Page("| Area | Description |", "|:--|:--|", "| Data | |");

        var fromLf = FrameworkPageParser.Parse(PageName, lf);
        var fromCrlf = FrameworkPageParser.Parse(PageName, lf.Replace("\n", "\r\n"));

        Assert.NotEmpty(fromLf.Problems);
        Assert.Equal(fromLf.Problems, fromCrlf.Problems);
    }

    [Theory]
    [InlineData("One.<br><br>Two.")]
    [InlineData("One. <br/><br/> Two.")]
    [InlineData("One.<br /><br />Two.")]
    [InlineData("One.<BR><Br>Two.")]
    [InlineData("One.<br> <BR/>Two.")]
    [InlineData("One.<br>\u00A0<br />Two.")]
    [InlineData("One.<br><br><br>Two.")]
    [InlineData("<br><br>One.<br><br> <br><br>Two.<br><br>")]
    public void Parse_doubleBreakInAnyForm_separatesStatements(string description)
    {
        var area = OnlyArea(FrameworkPageParser.Parse(PageName, OneArea($"| Data | {description} |")));

        Assert.Equal(["One.", "Two."], area.Statements);
    }

    [Fact]
    public void Parse_loneBreak_staysInsideItsStatement()
    {
        var area = OnlyArea(FrameworkPageParser.Parse(PageName, OneArea("| Data | First line<br>same statement. <br><br> Second. |")));

        Assert.Equal(["First line<br>same statement.", "Second."], area.Statements);
    }

    [Fact]
    public void Parse_escapedPipe_becomesAPipeInTheStatement()
    {
        var area = OnlyArea(FrameworkPageParser.Parse(PageName, OneArea(@"| Data | I know a \| b. <br><br> I use `x \| y`. |")));

        Assert.Equal(["I know a | b.", "I use `x | y`."], area.Statements);
    }

    [Fact]
    public void Parse_textIsKeptExactly_withoutMarkdownRendering()
    {
        var area = OnlyArea(FrameworkPageParser.Parse(PageName, OneArea("| Data | I use *R* &amp; Python\u2019s `pandas`* |")));

        Assert.Equal(["I use *R* &amp; Python\u2019s `pandas`*"], area.Statements);
    }

    [Fact]
    public void Parse_areaWithoutLink_takesNameAsTextAndAnchorAsSlug()
    {
        var area = OnlyArea(FrameworkPageParser.Parse(PageName, OneArea("|  Data & Cloud (AWS/GCP)  | I use S3. |")));

        Assert.Equal("Data & Cloud (AWS/GCP)", area.Name);
        Assert.Null(area.Link);
        Assert.Equal("data-cloud-aws-gcp", area.Anchor);
        Assert.True(area.Defined);
    }

    [Fact]
    public void Parse_linkWithoutFragment_takesAnchorAsSlugOfName()
    {
        var area = OnlyArea(FrameworkPageParser.Parse(PageName, OneArea("| [Data Ops](/careerframework/data) | I ship. |")));

        Assert.Equal("Data Ops", area.Name);
        Assert.Equal("/careerframework/data", area.Link);
        Assert.Equal("data-ops", area.Anchor);
    }

    [Theory]
    [InlineData("ML Ops", "ml-ops")]
    [InlineData("  --Machine Learning & Deep-Learning!! ", "machine-learning-deep-learning")]
    [InlineData("C++ / CUDA 12", "c-cuda-12")]
    [InlineData("Café Ops", "café-ops")]
    public void Slug_name_isLowercaseWithDashes(string name, string expected) =>
        Assert.Equal(expected, FrameworkPageParser.Slug(name));

    [Fact]
    public void Parse_todoDescription_isAnUndefinedAreaWithoutStatements()
    {
        var area = OnlyArea(FrameworkPageParser.Parse(PageName, OneArea("| [Data](/x#data) |  TODO  |")));

        Assert.False(area.Defined);
        Assert.Empty(area.Statements);
    }

    [Fact]
    public void Parse_pageTitleAndOtherHeadings_areNotSections()
    {
        var result = FrameworkPageParser.Parse(PageName, Page(
            "# Test Craft - Level 2",
            "",
            "## Craft - All",
            "",
            "### Notes on this table",
            "",
            "| Area | Description |",
            "|:--|:--|",
            "| Data | I query. |"));

        var section = Assert.Single(Assert.Single(result.Pages).Sections);
        Assert.Equal("All", section.Name);
        Assert.Equal("Data", Assert.Single(section.Areas).Name);
    }

    [Fact]
    public void Parse_badTitle_reportsTheTitleLine()
    {
        var text = FrontMatter.Replace("Level 2 (Junior)", "Level two") + Body("## Craft - All", "", "| Area | Description |", "|:--|:--|", "| Data | I query. |");

        var result = FrameworkPageParser.Parse(PageName, text);

        AssertProblems(result, "page.md:2: The title 'Level two' must look like 'Level 4 (Mid)': the word Level, the level number, then the level's name in brackets.");
    }

    [Fact]
    public void Parse_missingFrontMatter_reportsLineOne()
    {
        var result = FrameworkPageParser.Parse(PageName, Body("## Craft - All", "", "| Area | Description |", "|:--|:--|", "| Data | I query. |"));

        AssertProblems(result, "page.md:1: The page has no front matter: it must start with a '---' line, then the title, parent and grand_parent lines, then another '---' line.");
    }

    [Fact]
    public void Parse_frontMatterWithoutTitleParentOrGrandParent_reportsEachMissingLine()
    {
        var result = FrameworkPageParser.Parse(PageName, "---\nlayout: page\n---\n" + Body("## Craft - All", "", "| Area | Description |", "|:--|:--|", "| Data | I query. |"));

        AssertProblems(
            result,
            "page.md:1: The front matter has no 'title' line (for example 'title: Level 4 (Mid)').",
            "page.md:1: The front matter has no 'parent' line (for example 'parent: ML and Edge ML Engineer Craft').",
            "page.md:1: The front matter has no 'grand_parent' line (for example 'grand_parent: Vaarst Career Framework').");
    }

    [Fact]
    public void Parse_pageWithoutSections_reportsThatItDefinesNoAreas()
    {
        var result = FrameworkPageParser.Parse(PageName, Page("# Test Craft - Level 2", "", "Coming soon."));

        AssertProblems(result, "page.md:1: The page has no '## Craft - <name>' section, so it defines no areas; add e.g. '## Craft - All' followed by an Area | Description table.");
    }

    [Fact]
    public void Parse_parentGivenAsAList_reportsTheKeyLine()
    {
        var result = FrameworkPageParser.Parse(PageName, FrontMatter.Replace("parent: Test Craft", "parent:\n  - One\n  - Two") + Body("## Craft - All", "", "| Area | Description |", "|:--|:--|", "| Data | I query. |"));

        AssertProblems(result, "page.md:3: The front matter's 'parent' must be a single, non-empty value (for example 'parent: ML and Edge ML Engineer Craft').");
    }

    [Fact]
    public void Parse_emptyParent_reportsItsLine()
    {
        var result = FrameworkPageParser.Parse(PageName, FrontMatter.Replace("parent: Test Craft", "parent: ") + Body("## Craft - All", "", "| Area | Description |", "|:--|:--|", "| Data | I query. |"));

        AssertProblems(result, "page.md:3: The front matter's 'parent' must be a single, non-empty value (for example 'parent: ML and Edge ML Engineer Craft').");
    }

    [Theory]
    [InlineData("parent: Test: Craft")]
    [InlineData("parent: [Test Craft")]
    [InlineData("parent: \"Test Craft")]
    public void Parse_invalidYaml_reportsAProblemInTheFrontMatter(string parentLine)
    {
        var result = FrameworkPageParser.Parse(PageName, FrontMatter.Replace("parent: Test Craft", parentLine) + Body("## Craft - All", "", "| Area | Description |", "|:--|:--|", "| Data | I query. |"));

        var problem = Assert.Single(result.Problems);
        Assert.StartsWith("The front matter is not valid YAML: ", problem.Message);
        Assert.DoesNotContain("Idx:", problem.Message);
        Assert.InRange(problem.Line, 1, 5);
        Assert.Empty(result.Pages);
    }

    [Fact]
    public void Parse_emptyDescription_reportsTheRow()
    {
        var result = FrameworkPageParser.Parse(PageName, OneArea("| Data |   |"));

        AssertProblems(result, "page.md:10: The area 'Data' has an empty description: write its statements separated by <br><br>, or TODO if they are not written yet.");
    }

    [Fact]
    public void Parse_descriptionOfOnlyBreaks_reportsAnEmptyDescription()
    {
        var result = FrameworkPageParser.Parse(PageName, OneArea("| Data | <br><br> |"));

        AssertProblems(result, "page.md:10: The area 'Data' has an empty description: write its statements separated by <br><br>, or TODO if they are not written yet.");
    }

    [Fact]
    public void Parse_tableOutsideASection_reportsTheTable()
    {
        var result = FrameworkPageParser.Parse(PageName, Page(
            "| Area | Description |", "|:--|:--|", "| Data | I query. |", "",
            "## Craft - All", "", "| Area | Description |", "|:--|:--|", "| Other | I model. |"));

        AssertProblems(result, "page.md:6: This table is not under a '## Craft - <name>' heading, so its areas belong to no section; add the heading above it.");
    }

    [Fact]
    public void Parse_tableAfterANonCraftHeading_isOutsideASection()
    {
        var result = FrameworkPageParser.Parse(PageName, Page(
            "## Craft - All", "", "| Area | Description |", "|:--|:--|", "| Data | I query. |", "",
            "## Notes", "", "| Area | Description |", "|:--|:--|", "| Other | I note. |"));

        AssertProblems(result, "page.md:14: This table is not under a '## Craft - <name>' heading, so its areas belong to no section; add the heading above it.");
    }

    [Theory]
    [InlineData("| Data | I query. | extra |", 3)]
    [InlineData("| Data |", 1)]
    [InlineData("| Data | a | b | c |", 4)]
    public void Parse_rowWithWrongCellCount_reportsTheRow(string row, int cells)
    {
        var result = FrameworkPageParser.Parse(PageName, OneArea(row));

        AssertProblems(result, $@"page.md:10: This row has {cells} cells but an area row needs two: '| Area | Description |' (write a '|' inside a description as '\|').");
    }

    [Fact]
    public void Parse_tableWithThreeColumns_reportsTheTableOnce()
    {
        var result = FrameworkPageParser.Parse(PageName, Page("## Craft - All", "", "| Area | Description | Notes |", "|:--|:--|:--|", "| Data | I query. | x |"));

        AssertProblems(result, "page.md:8: This table has 3 columns; it must have two: Area and Description.");
    }

    [Fact]
    public void Parse_emptyAreaName_reportsTheRow()
    {
        var result = FrameworkPageParser.Parse(PageName, OneArea("|  | I query. |"));

        AssertProblems(result, "page.md:10: This row has no area name in its first cell.");
    }

    [Fact]
    public void Parse_duplicateAnchorInASection_reportsTheSecondRow()
    {
        var result = FrameworkPageParser.Parse(PageName, Page(
            "## Craft - All", "", "| Area | Description |", "|:--|:--|",
            "| [Data](/x#data) | I query. |",
            "| Data | I model. |"));

        AssertProblems(result, "page.md:11: The area 'Data' has the anchor 'data', which the area on line 10 already uses; each area in a section needs its own anchor.");
    }

    [Fact]
    public void Parse_sameAnchorInDifferentSections_isAllowed()
    {
        var result = FrameworkPageParser.Parse(PageName, Page(
            "## Craft - All", "", "| Area | Description |", "|:--|:--|", "| Data | I query. |", "",
            "## Craft - Specialist", "", "| Area | Description |", "|:--|:--|", "| Data | I model. |"));

        Assert.Empty(result.Problems);
        Assert.Equal(2, Assert.Single(result.Pages).Sections.Count);
    }

    [Fact]
    public void Parse_duplicateSection_reportsTheSecondHeading()
    {
        var result = FrameworkPageParser.Parse(PageName, Page(
            "## Craft - All", "", "| Area | Description |", "|:--|:--|", "| Data | I query. |", "",
            "## Craft - All", "", "| Area | Description |", "|:--|:--|", "| Other | I model. |"));

        AssertProblems(result, "page.md:12: The section 'All' is already on line 6; each section may appear only once in a page.");
    }

    [Fact]
    public void Parse_sectionWithoutTable_reportsNoAreas()
    {
        var result = FrameworkPageParser.Parse(PageName, Page(
            "## Craft - All", "", "Coming soon.", "",
            "## Craft - Specialist", "", "| Area | Description |", "|:--|:--|", "| Data | I model. |"));

        AssertProblems(result, "page.md:6: The section 'All' has no areas: add a table with an 'Area | Description' header and one row per area.");
    }

    [Fact]
    public void Parse_tableWithoutDelimiterRow_reportsTheLinesThatLookLikeATable()
    {
        var result = FrameworkPageParser.Parse(PageName, Page(
            "## Craft - All", "", "| Area | Description |", "|:--|:--|", "| Data | I model. |", "",
            "## Craft - Specialist", "", "| Area | Description |", "| Data | I model. |"));

        AssertProblems(
            result,
            "page.md:12: The section 'Specialist' has no areas: add a table with an 'Area | Description' header and one row per area.",
            "page.md:14: This line starts with '|' but is not part of a table: a table needs a header row followed by a '|:---|:---|' line.");
    }

    [Fact]
    public void Parse_pageWithSeveralProblems_reportsEveryOneInLineOrderAndNoPage()
    {
        var text = FrontMatter.Replace("Level 2 (Junior)", "Junior") + Body(
            "| Area | Description |", "|:--|:--|", "| Stray | I am lost. |", "",
            "## Craft - All", "", "| Area | Description |", "|:--|:--|",
            "| Data | |",
            "| Good | I am fine. |",
            "| Cells | a | b |");

        var result = FrameworkPageParser.Parse(PageName, text);

        Assert.False(result.IsValid);
        Assert.Empty(result.Pages);
        Assert.Equal([2, 6, 14, 16], result.Problems.Select(p => p.Line));
        Assert.All(result.Problems, p => Assert.Equal(PageName, p.File));
    }

    [Fact]
    public void ParsePath_seedFolder_readsTheSeedPageNamedByFolderAndRelativePath()
    {
        var result = FrameworkPageParser.ParsePath(_seedFolder);

        Assert.Empty(result.Problems);
        var page = Assert.Single(result.Pages);
        Assert.Equal(Path.Combine(_seedFolder, "careerframework", "mlengineer", "level4.md"), page.File);
        Assert.Equal(16, page.Sections.SelectMany(s => s.Areas).Sum(a => a.Statements.Count));
    }

    [Fact]
    public void ParsePath_singleFile_readsIt()
    {
        var result = FrameworkPageParser.ParsePath(_seedPage);

        Assert.True(result.IsValid);
        Assert.Equal(_seedPage, Assert.Single(result.Pages).File);
    }

    [Fact]
    public void ParsePath_folderWithSeveralPages_readsEveryMarkdownFileInOrdinalPathOrder()
    {
        WriteTemp("b/level3.md", PageAt(3, "Data Craft", "| Data | I query. |"));
        WriteTemp("a/level2.md", PageAt(2, "Data Craft", "| Data | I count. |"));
        WriteTemp("B/level5.md", PageAt(5, "Data Craft", "| Data | I lead. |"));
        WriteTemp("a/level4.md", PageAt(4, "Other Craft", "| Data | I teach. |"));
        WriteTemp("a/notes.txt", "not a page");

        var result = FrameworkPageParser.ParsePath(_tempFolder);

        Assert.Empty(result.Problems);
        Assert.Equal(
            [Path.Combine(_tempFolder, "B", "level5.md"), Path.Combine(_tempFolder, "a", "level2.md"), Path.Combine(_tempFolder, "a", "level4.md"), Path.Combine(_tempFolder, "b", "level3.md")],
            result.Pages.Select(p => p.File));
        Assert.Equal([5, 2, 4, 3], result.Pages.Select(p => p.Level));
    }

    [Fact]
    public void ParsePath_folderWithAMalformedPage_keepsTheValidPagesAndReportsTheOther()
    {
        WriteTemp("level2.md", PageAt(2, "Data Craft", "| Data | I count. |"));
        WriteTemp("level3.md", PageAt(3, "Data Craft", "| Data | |"));

        var result = FrameworkPageParser.ParsePath(_tempFolder);

        Assert.Equal([2], result.Pages.Select(p => p.Level));
        Assert.Equal(
            [$"{Path.Combine(_tempFolder, "level3.md")}:10: The area 'Data' has an empty description: write its statements separated by <br><br>, or TODO if they are not written yet."],
            result.Problems.Select(p => p.ToString()));
    }

    [Fact]
    public void ParsePath_twoPagesForTheSameLevel_reportsTheSecond()
    {
        WriteTemp("level2.md", PageAt(2, "Data Craft", "| Data | I count. |"));
        WriteTemp("level2-copy.md", PageAt(2, "Data Craft", "| Data | I query. |"));

        var result = FrameworkPageParser.ParsePath(_tempFolder);

        var first = Path.Combine(_tempFolder, "level2-copy.md");
        var second = Path.Combine(_tempFolder, "level2.md");
        Assert.Equal([first], result.Pages.Select(p => p.File));
        Assert.Equal(
            [$"{second}:1: Level 2 of the craft 'Data Craft' in 'Test Framework' is already defined by {first}; each level of a craft needs exactly one page."],
            result.Problems.Select(p => p.ToString()));
    }

    [Fact]
    public void ParsePath_missingPath_reportsItOnLineZero()
    {
        var missing = Path.Combine(_tempFolder, "nowhere");

        var result = FrameworkPageParser.ParsePath(missing);

        Assert.Empty(result.Pages);
        Assert.Equal([$"{missing}:0: There is no file or folder at this path."], result.Problems.Select(p => p.ToString()));
    }

    [Fact]
    public void ParsePath_folderWithoutPages_reportsIt()
    {
        WriteTemp("readme.txt", "nothing here");

        var result = FrameworkPageParser.ParsePath(_tempFolder);

        Assert.Equal([$"{_tempFolder}:0: The folder holds no framework pages (*.md files)."], result.Problems.Select(p => p.ToString()));
    }

    [Fact]
    public void Write_result_hasTheAgreedJsonShape()
    {
        var seed = FrameworkPageParser.Parse("level4.md", File.ReadAllText(_seedPage));
        var broken = FrameworkPageParser.Parse("broken.md", OneArea("| Data | |"));
        var result = new FrameworkParseResult(seed.Pages, broken.Problems);

        var json = FrameworkValidationJson.Write(result);

        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        Assert.Equal(["pages", "problems"], root.EnumerateObject().Select(p => p.Name));

        var page = Assert.Single(root.GetProperty("pages").EnumerateArray());
        Assert.Equal(["file", "framework", "craft", "level", "levelTitle", "sections"], page.EnumerateObject().Select(p => p.Name));
        Assert.Equal("level4.md", page.GetProperty("file").GetString());
        Assert.Equal("Vaarst Career Framework", page.GetProperty("framework").GetString());
        Assert.Equal("ML and Edge ML Engineer Craft", page.GetProperty("craft").GetString());
        Assert.Equal(4, page.GetProperty("level").GetInt32());
        Assert.Equal("Mid", page.GetProperty("levelTitle").GetString());

        var section = page.GetProperty("sections")[0];
        Assert.Equal(["name", "areas"], section.EnumerateObject().Select(p => p.Name));
        Assert.Equal("All", section.GetProperty("name").GetString());

        var area = section.GetProperty("areas")[0];
        Assert.Equal(["name", "anchor", "defined", "statements"], area.EnumerateObject().Select(p => p.Name));
        Assert.Equal("ML Ops", area.GetProperty("name").GetString());
        Assert.Equal("ml-ops", area.GetProperty("anchor").GetString());
        Assert.True(area.GetProperty("defined").GetBoolean());
        Assert.Equal(3, area.GetProperty("statements").GetArrayLength());
        Assert.StartsWith("I use technologies", area.GetProperty("statements")[0].GetString());
        Assert.False(section.GetProperty("areas")[3].GetProperty("defined").GetBoolean());

        var problem = Assert.Single(root.GetProperty("problems").EnumerateArray());
        Assert.Equal(["file", "line", "message"], problem.EnumerateObject().Select(p => p.Name));
        Assert.Equal("broken.md", problem.GetProperty("file").GetString());
        Assert.Equal(10, problem.GetProperty("line").GetInt32());
        Assert.StartsWith("The area 'Data' has an empty description", problem.GetProperty("message").GetString());
    }

    [Fact]
    public void Write_nonAsciiText_isNotEscaped()
    {
        var json = FrameworkValidationJson.Write(FrameworkPageParser.ParsePath(_seedPage));

        Assert.Contains("team\u2019s decisions", json);
        Assert.Contains("Vaarst's AI strategy", json);
        Assert.DoesNotContain("\\u", json);
    }

    private static FrameworkPage ParseSeed()
    {
        var result = FrameworkPageParser.Parse(_seedPage, File.ReadAllText(_seedPage));
        Assert.Empty(result.Problems);
        return Assert.Single(result.Pages);
    }

    private static PageArea Area(FrameworkPage page, string name) =>
        page.Sections.SelectMany(s => s.Areas).Single(a => a.Name == name);

    private static PageArea OnlyArea(FrameworkParseResult result)
    {
        Assert.Empty(result.Problems);
        return Assert.Single(Assert.Single(Assert.Single(result.Pages).Sections).Areas);
    }

    private static IEnumerable<string> Lines(FrameworkParseResult result) =>
        result.Pages.SelectMany(p => p.Sections).SelectMany(s => s.Areas.Select(a => $"{s.Name}:{s.Line}/{a.Name}:{a.Line}"));

    private static void AssertProblems(FrameworkParseResult result, params string[] expected)
    {
        Assert.Equal(expected, result.Problems.Select(p => p.ToString()));
        Assert.Empty(result.Pages);
    }

    private static string Body(params string[] lines) => string.Join('\n', lines) + "\n";

    private static string Page(params string[] bodyLines) => FrontMatter + Body(bodyLines);

    /// <summary>A page whose only area row is on line 10.</summary>
    private static string OneArea(string row) =>
        Page("## Craft - All", "", "| Area | Description |", "|:--|:--|", row);

    private static string PageAt(int level, string craft, string row) =>
        OneArea(row).Replace("Level 2 (Junior)", $"Level {level} (L{level})").Replace("parent: Test Craft", $"parent: {craft}");

    private void WriteTemp(string relativePath, string text)
    {
        var path = Path.Combine(_tempFolder, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }
}
