using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Vaarst.Growth.BrowserTests.Accessibility;

/// <summary>
/// Keyboard use on representative pages: Tab reaches every control in document order, and the focused control always
/// shows a visible focus indicator. Dialogs close with Escape and give focus back to what opened them.
/// </summary>
public sealed class KeyboardBrowserTests(AppFixture app) : IClassFixture<AppFixture>
{
    private const string Sam = "sam.lee@vaarst.example";
    private const string Priya = "priya.raman@vaarst.example";
    private const string Morgan = "morgan.ellis@vaarst.example";
    private const string Nia = "nia.adeyemi@vaarst.example";

    /// <summary>What Tab should reach: visible, enabled controls, one per radio group (arrows move within a group).</summary>
    private const string Tabbable = """
        () => {
            const selector = 'a[href], button:not([disabled]), input:not([disabled]):not([type=hidden]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';
            const seenGroups = new Set();
            return [...document.querySelectorAll(selector)].filter(e => {
                if (e.tabIndex < 0 || e.closest('[inert], [aria-hidden=true]') || e.getClientRects().length === 0) return false;
                const style = getComputedStyle(e);
                if (style.visibility === 'hidden' || style.display === 'none') return false;
                if (e.type === 'radio') {
                    const group = e.name || e.closest('[role=radiogroup]');
                    if (seenGroups.has(group)) return false;
                    seenGroups.add(group);
                }
                return true;
            }).map(e => window.__describe(e));
        }
        """;

    /// <summary>
    /// The focused element, where it is in the document, and whether it shows a focus indicator: an outline or a
    /// box-shadow on it, or (for inputs MudBlazor hides visually, such as checkboxes) on its nearest visible ancestor.
    /// </summary>
    private const string Helpers = """
        () => {
            window.__order = window.__order || new WeakMap();
            let next = 0;
            for (const e of document.querySelectorAll('*')) window.__order.set(e, next++);
            window.__describe = e => {
                const name = (e.getAttribute('aria-label') || e.innerText || e.value || e.getAttribute('placeholder') || e.id || '').trim().replace(/\s+/g, ' ').slice(0, 40);
                const group = e.type === 'radio' ? (e.name || '') : '';
                return `${e.tagName.toLowerCase()}${e.type ? '[' + e.type + ']' : ''} "${name}"${group ? ' group ' + group : ''}#${window.__order.get(e)}`;
            };
            window.__focused = () => {
                const e = document.activeElement;
                if (!e || e === document.body) return null;
                const shows = el => {
                    const s = getComputedStyle(el);
                    return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || (s.boxShadow && s.boxShadow !== 'none');
                };
                let carrier = e;
                while (carrier && (carrier.getBoundingClientRect().width < 8 || getComputedStyle(carrier).opacity === '0')) carrier = carrier.parentElement;
                const box = e.getBoundingClientRect();
                return {
                    id: window.__describe(e),
                    order: window.__order.get(e) ?? -1,
                    radio: e.type === 'radio',
                    indicator: shows(e) || (carrier !== null && shows(carrier)),
                    visible: box.width > 0 && box.height > 0,
                };
            };
        }
        """;

    public static TheoryData<string, string> Pages => new()
    {
        { Sam, "/checklist" },
        { Sam, "/evidence" },
        { Priya, "review item" },
        { Morgan, "comparison" },
        { Nia, "/admin/people" },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Tab_reaches_every_control_in_document_order_with_a_visible_focus_indicator(string email, string where)
    {
        var page = await app.NewPageAsync();
        await app.SignInAsync(page, email);
        var path = where switch
        {
            "review item" => await FirstLinkAsync(page, "/reviews", "/reviews/items/"),
            "comparison" => $"/calibration/{(await DemoCalibrationSession.EnsureAsync(app)).SessionId}/compare",
            _ => where,
        };
        await OpenAsync(page, path);

        var problems = await TabThroughAsync(page, path);

        await AppFixture.ScreenshotAsync(page, $"keyboard-{path.Trim('/')}", fullPage: false);
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public async Task Evidence_dialog_is_used_by_keyboard_closes_with_Escape_and_returns_focus()
    {
        var page = await app.NewPageAsync();
        await app.SignInAsync(page, Sam);
        await OpenAsync(page, "/evidence");
        var add = page.GetByTestId("library-add");
        await add.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        var dialog = page.Locator(".mud-dialog");
        await Expect(dialog).ToBeVisibleAsync();

        // Focus moves into the dialog and Tab stays there.
        await Expect(page.Locator(".mud-dialog :focus")).ToHaveCountAsync(1);
        for (var i = 0; i < 25; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            var inside = await page.EvaluateAsync<bool>("() => document.activeElement?.closest('.mud-dialog-container') !== null");
            Assert.True(inside, $"Tab {i + 1} left the dialog for {await page.EvaluateAsync<string>("() => document.activeElement?.outerHTML.slice(0, 120)")}.");
        }

        await AppFixture.ScreenshotAsync(page, "keyboard-evidence-dialog", fullPage: false);
        await page.Keyboard.PressAsync("Escape");
        await Expect(dialog).ToHaveCountAsync(0);
        await Expect(add).ToBeFocusedAsync();
    }

    private async Task<List<string>> TabThroughAsync(IPage page, string path)
    {
        await page.EvaluateAsync(Helpers);
        var expected = (await page.EvaluateAsync<string[]>(Tabbable)).ToHashSet();
        var reached = new List<(string Id, int Order, bool Radio)>();
        var problems = new List<string>();
        // Start from the top of the document, as someone arriving at the page would.
        await page.EvaluateAsync("() => { document.activeElement?.blur(); window.scrollTo(0, 0); }");
        await page.Locator("body").FocusAsync();
        for (var presses = 0; presses < expected.Count + 40; presses++)
        {
            await page.Keyboard.PressAsync("Tab");
            var focused = await page.EvaluateAsync<JsonElement?>("() => window.__focused()");
            if (focused is not { ValueKind: JsonValueKind.Object } f)
            {
                continue;
            }

            var id = f.GetProperty("id").GetString()!;
            if (reached.Count > 0 && reached[0].Id == id)
            {
                break;
            }

            reached.Add((id, f.GetProperty("order").GetInt32(), f.GetProperty("radio").GetBoolean()));
            if (!f.GetProperty("visible").GetBoolean())
            {
                problems.Add($"{path}: focus went to {id}, which cannot be seen.");
            }
            else if (!f.GetProperty("indicator").GetBoolean())
            {
                problems.Add($"{path}: {id} has focus but no visible focus indicator.");
            }
        }

        var missed = expected.Except(reached.Select(r => r.Id)).ToList();
        if (missed.Count > 0)
        {
            problems.Add($"{path}: Tab never reached {string.Join(", ", missed)}.");
        }

        // Tab order follows the document (no positive tabindex, nothing focused out of sequence); the walk may start
        // anywhere, so rotate it to begin at the earliest element.
        var start = reached.Count == 0 ? 0 : reached.IndexOf(reached.MinBy(r => r.Order));
        var order = reached.Skip(start).Concat(reached.Take(start)).ToList();
        for (var i = 1; i < order.Count; i++)
        {
            if (order[i].Order < order[i - 1].Order)
            {
                problems.Add($"{path}: {order[i].Id} is focused after {order[i - 1].Id}, out of document order.");
            }
        }

        Assert.True(reached.Count >= 5, $"{path}: Tab reached only {reached.Count} controls.");
        return problems;
    }

    private static async Task<string> FirstLinkAsync(IPage page, string path, string prefix)
    {
        await OpenAsync(page, path);
        return (await page.Locator($"a[href^='{prefix}']").First.GetAttributeAsync("href"))!;
    }

    private static async Task OpenAsync(IPage page, string path)
    {
        await page.GotoAsync(path);
        await AppFixture.WaitForInteractiveAsync(page);
        await Expect(page.Locator(".mud-progress-linear.mud-progress-indeterminate")).ToHaveCountAsync(0);
        await Expect(page.Locator("h1").First).ToBeVisibleAsync();
    }
}
