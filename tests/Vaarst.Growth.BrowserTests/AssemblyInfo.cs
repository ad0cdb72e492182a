// Each browser-test class hosts the app and drives Chromium; on a two-core machine running them one class at a time
// keeps page timings far from the timeouts, at little cost to the total run time.
[assembly: Xunit.v3.Parallelization(Mode = Xunit.Sdk.ParallelMode.None)]

namespace Vaarst.Growth.BrowserTests
{
    using System.Runtime.CompilerServices;
    using Microsoft.Playwright;

    internal static class PlaywrightDefaults
    {
        /// <summary>Playwright's 5 s assertion timeout is tight on a loaded two-core CI machine; conditions usually hold in well under a second.</summary>
#pragma warning disable CA2255 // A test executable, not a library: this runs once before any test.
        [ModuleInitializer]
#pragma warning restore CA2255
        internal static void Initialise() => Assertions.SetDefaultExpectTimeout(20_000);
    }
}
