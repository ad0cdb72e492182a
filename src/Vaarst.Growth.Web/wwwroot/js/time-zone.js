// The browser's IANA time zone (e.g. "Europe/London"), offered as the person's zone on their first visit.
export function detect() {
    try {
        return Intl.DateTimeFormat().resolvedOptions().timeZone ?? null;
    } catch {
        return null;
    }
}
