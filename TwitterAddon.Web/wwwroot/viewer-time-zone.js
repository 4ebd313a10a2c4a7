// The browser's time zone, for the server that draws the pages: every date is shown in the viewer's zone.
document.cookie = "TwitterAddon.TimeZone=" + encodeURIComponent(Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC")
    + "; path=/; max-age=31536000; samesite=lax";
