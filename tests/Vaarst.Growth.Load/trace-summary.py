#!/usr/bin/env python3
"""Breakdown of a dotnet-trace Speedscope file (page-trace.sh): the time of request threads, by use case and by layer.

Only stacks that run a request (Kestrel's request processing or a Blazor renderer) and are not waiting count; each
counted millisecond goes to the outermost Vaarst use case on the stack (or "page and layout rendering" when none) and to
the innermost layer it was in (SQLite, EF Core, MudBlazor, Blazor rendering, Markdown, authentication, ...).
"""
import json
import sys
from collections import Counter

REQUEST = ("HttpProtocol.ProcessRequests", "HostingApplication.ProcessRequestAsync", "Microsoft.AspNetCore.Components.RenderTree.Renderer")
WAITING = ("WaitHandle.Wait", "Monitor.Wait", "LowLevelLifoSemaphore", "Thread.Sleep", "SocketAsyncEngine.EventLoop",
           "WaitOneCore", "ManualResetEventSlim.Wait", "SemaphoreSlim.Wait", "Interop+Sys.WaitForSocketEvents", "UNMANAGED_CODE_TIME")
LAYERS = [  # innermost match wins, so the order only breaks ties within one frame
    ("SQLite (native and ADO.NET)", ("SQLitePCL", "Microsoft.Data.Sqlite")),
    ("EF Core (query pipeline, materialisation)", ("Microsoft.EntityFrameworkCore",)),
    ("Markdown + HtmlSanitizer", ("Markdig", "Ganss.Xss", "AngleSharp")),
    ("MudBlazor components", ("MudBlazor",)),
    ("Authentication, cookies, Data Protection", ("Microsoft.AspNetCore.Authentication", "Microsoft.AspNetCore.DataProtection", "System.Security.Cryptography")),
    ("Blazor rendering (components, diff, HTML)", ("Microsoft.AspNetCore.Components",)),
    ("JSON", ("System.Text.Json",)),
    ("GC and allocation", ("GC", "gc_heap", "Allocate")),
    ("Vaarst code", ("Vaarst.Growth",)),
]


def layer_of(names):
    for name in reversed(names):
        for layer, keys in LAYERS:
            if any(k in name for k in keys):
                return layer
    return "other (Kestrel, routing, runtime)"


def use_case_of(names):
    for name in names:
        if "Vaarst.Growth.Core" in name and ("HandleAsync" in name or "ReadAsync" in name):
            return name.split("!")[-1].split("(")[0].replace("Vaarst.Growth.Core.", "")
    return "page and layout rendering (no use case)"


def main(path):
    data = json.load(open(path))
    frames = [f["name"] for f in data["shared"]["frames"]]
    by_case, by_layer, by_pair = Counter(), Counter(), Counter()
    total = 0.0
    for profile in data["profiles"]:
        stack, last = [], None
        for event in profile.get("events", []):
            at = event["at"]
            if last is not None and stack and at > last:
                names = [frames[i] for i in stack]
                if any(any(r in n for r in REQUEST) for n in names) and not any(w in names[-1] for w in WAITING):
                    span = at - last
                    total += span
                    case, layer = use_case_of(names), layer_of(names)
                    by_case[case] += span
                    by_layer[layer] += span
                    by_pair[(case, layer)] += span
            last = at
            if event["type"] == "O":
                stack.append(event["frame"])
            elif stack:
                stack.pop()
    print(f"Request-thread time counted: {total:.0f} ms")
    print("\n| Use case (outermost) | share |\n| --- | ---: |")
    for case, ms in by_case.most_common(15):
        print(f"| {case} | {100 * ms / total:.1f} % |")
    print("\n| Layer (innermost) | share |\n| --- | ---: |")
    for layer, ms in by_layer.most_common():
        print(f"| {layer} | {100 * ms / total:.1f} % |")
    print("\n| Use case × layer (top 15) | share |\n| --- | ---: |")
    for (case, layer), ms in by_pair.most_common(15):
        print(f"| {case} · {layer} | {100 * ms / total:.1f} % |")


if __name__ == "__main__":
    for p in sys.argv[1:]:
        main(p)
