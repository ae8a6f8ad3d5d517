# English: the reference catalogue. Every other catalogue has exactly its keys, and each
# message the same variables (build.rs fails the build otherwise).

session-count = { $n ->
    [one] { $n } session
   *[other] { $n } sessions
}

## The language switch (each language's name is its own, in every catalogue)
language = Language
language-en = English
language-de = Deutsch
language-ar = العربية

## The shell (ui/app.rs)
app-title = Device management
signing-in = Signing in…
retry = Retry
refresh = Refresh
sign-out = Sign out
server-filter-note = Server filter "{ $filter }": only sessions matching it were loaded.
header-loaded = { $n ->
    [one] { $n } session loaded
   *[other] { $n } sessions loaded
}
header-loaded-of = { $total ->
    [one] { $n } of { $total } session loaded
   *[other] { $n } of { $total } sessions loaded
}
header-who = Signed in as { $user } on { $server }
header-who-here = Signed in as { $user } on this server
header-loading = Loading sessions…
header-updated = { $count } · Last updated { $time }

## What went wrong (api/error.rs): one sentence, then what to do next
error-and-next-step = { $error } { $next }
err-not-logged-in = The server did not accept this user ID and auth token.
err-bad-credentials = The server did not accept this username or password.
err-login-blocked = The server has blocked sign-in for a while after failed attempts.
err-forbidden = Your account lacks the permission for this (view-device-management to list devices, logout-device-management to log them out).
err-no-licence = This server's licence does not include Device Management, an Enterprise feature.
err-invalid-params = The server rejected the request's parameters.
err-invalid-params-detail = The server rejected the request's parameters ({ $detail }).
err-emailed-to = The server has e-mailed a two-factor code for { $to }.
err-emailed = The server has e-mailed you a two-factor code.
err-asks-emailed = The server asks for the two-factor code it e-mailed you.
err-asks-password = The server asks you to confirm your password for this action.
err-asks-method = The server asks for a two-factor code (method "{ $method }").
err-asks-totp = The server asks for a two-factor code from your authenticator app.
err-password-rejected = The server did not accept the password.
err-code-rejected = The two-factor code was not accepted.
err-max-attempts = Too many wrong two-factor codes have been tried.
err-code-every-call = This server asks for a new two-factor code on every call (remembering codes is off) and an e-mailed code works only once: a full load needs an authenticator app or a token that bypasses two-factor checks.
err-wrong-session = The server answered with another session's details than the one asked for, so they are not shown.
err-too-large = The server's answer was larger than { $mb } MB, so it was refused before being read.
err-session-not-found = That session no longer exists; it has probably been logged out already.
err-endpoint-missing = This server has no such API endpoint.
err-rate-limited = The server is limiting how often this can be called.
err-invalid-sort = The server rejected the sort order.
err-invalid-sort-keys = The server rejected a sort key.
err-invalid-input = The { $what } contains characters that cannot be sent in a request.
input-password = password
input-user-id = user ID
input-auth-token = auth token
input-server-url = server URL
input-code = two-factor code
err-network = The server could not be reached.
err-likely-cors = The call to { $server } failed before any answer, most likely blocked by the browser: this page comes from { $page }, and either the page's Content-Security-Policy forbids connecting elsewhere or Rocket.Chat's CORS settings refuse the call (they never allow the x-2fa-code header).
err-timeout = { $n ->
    [one] The server did not answer within { $n } second.
   *[other] The server did not answer within { $n } seconds.
}
err-not-json-truncated = The server's answer (status { $status }) ended before its JSON was complete.
err-not-json = The server answered with status { $status }, but the body was not JSON (probably an error page from a proxy, or the wrong URL).
err-bad-shape = The server's answer (status { $status }) is JSON, but its "{ $field }" field is missing or of the wrong type.
err-server = The server failed with status { $status }.
err-cancelled = Loading was cancelled.
err-other = The server answered with status { $status }.
err-other-message = The server answered with status { $status }: { $message }.
next-not-logged-in = Check the user ID and auth token (or sign in with your password) and try again.
next-bad-credentials = Check the username or e-mail and the password, then sign in again.
next-login-blocked = Wait a few minutes before signing in again, or ask an administrator to unblock the account.
next-forbidden = Ask a Rocket.Chat administrator to grant that permission to one of your roles.
next-no-licence = Ask the workspace owner for an Enterprise licence that includes Device Management.
next-reload-and-report = Reload the page; if it happens again, report it together with the server's version.
next-email-code-sent = Enter the code from that e-mail and retry.
next-email-code-latest = Enter the code from the latest e-mail, or ask for a new one.
next-password = Enter your account password and retry.
next-totp = Enter the current code from your authenticator app and retry.
next-password-check = Check your password and retry.
next-totp-check-clock = Enter the current code (check that the device's clock is right) and retry.
next-max-attempts = Ask for a new e-mailed code and enter that one.
next-code-every-call = Sign in that way, or ask for "Remember for" (Accounts → Two Factor Authentication) above 0.
next-wrong-session = The details below are those from the list; reload it to see the session's latest state.
next-too-large = Narrow the load (Advanced → filter or "Load at most"), or check that no proxy answers in the server's place.
next-session-not-found = Reload the list to see the sessions that are still active.
next-endpoint-missing = Check that the server URL is the Rocket.Chat address (without /api) and that the server runs version 5 or later.
next-wait-seconds = { $n ->
    [one] Wait { $n } second and retry.
   *[other] Wait { $n } seconds and retry.
}
next-wait-minutes = { $n ->
    [one] Wait { $n } minute and retry.
   *[other] Wait { $n } minutes and retry.
}
next-rate-limited = Wait a minute and retry, or ask for the api-bypass-rate-limit permission.
next-invalid-input = Paste it again without spaces or line breaks.
next-network = Check the server URL and your connection, then retry.
next-likely-cors = Open RC Device Manager from the Rocket.Chat server's own address, or have the portal proxy /api/ to Rocket.Chat; across origins only a token that skips two-factor checks can work, and only where this page's Content-Security-Policy allows connecting to that server.
next-timeout = Retry; if it keeps happening, narrow the list with a filter or check the server's load.
next-not-json-truncated = Retry; if it happens again, a proxy in front of Rocket.Chat may be cutting answers short.
next-not-json = Check that the server URL points at Rocket.Chat and that no proxy or sign-on page answers in its place.
next-bad-shape = Check that the server URL points at Rocket.Chat 5 or later; if it does, report this with the server's version.
next-server = Retry in a moment; if it persists, check the Rocket.Chat server's logs.
next-cancelled = Start again when you are ready.
next-other = Retry, or ask the server's administrator.

## Why sessions are missing (api/outcome.rs)
disagree-claimed = { $n ->
    [one] The server's count of sessions ({ $claimed }) and the rows it sent disagree: it sent { $n } session, and all of them are shown.
   *[other] The server's count of sessions ({ $claimed }) and the rows it sent disagree: it sent { $n } sessions, and all of them are shown.
}
disagree-no-count = { $n ->
    [one] The server sent no usable count of sessions: the one session it sent is shown.
   *[other] The server sent no usable count of sessions: all { $n } sessions it sent are shown.
}
shortfall = { $n ->
    [one] { $n } session could not be loaded. Reload to try again.
   *[other] { $n } sessions could not be loaded. Reload to try again.
}
shortfall-because = { $n ->
    [one] { $n } session could not be loaded: { $reasons }. Reload to try again.
   *[other] { $n } sessions could not be loaded: { $reasons }. Reload to try again.
}
list-separator = {"; "}
reason-capped = loading stopped at the limit of { $cap }
reason-malformed = { $count ->
    [one] { $count } row from the server had no session ID
   *[other] { $count } rows from the server had no session ID
}
reason-pages-failed = { $pages ->
    [one] { $pages } page kept failing ({ $error })
   *[other] { $pages } pages kept failing ({ $error })
}
reason-kept-shifting = new logins kept shifting the list through { $rounds } reading rounds
reason-total-overcounts = the server counts more sessions than it returns
reason-interrupted = loading stopped ({ $error })
reason-ceiling = a load stops at { $sessions } sessions or { $requests } requests

## Notes above the table (ui/words.rs, ui/state.rs, ui/control.rs)
two-notes = { $first } { $second }
showing-newest = Showing the newest { $n } of { $total } sessions: loading stopped at the "Load at most" limit.
partial-of = Loading… { $n } of { $total } — results so far
partial = Loading… { $n } so far — results so far
contacting = Contacting the server…
progress-loaded = { $n ->
    [one] Loaded { $n } session
   *[other] Loaded { $n } sessions
}
progress-again = Loaded { $n } of { $total } sessions (reading again: new logins moved the list)
progress-of = Loaded { $n } of { $total } sessions
stopped-before-end = Loading stopped before the end: { $n } of { $total } sessions are shown.
cancelled-partial = Loading was cancelled; the sessions read until then are shown.
cancelled-kept = Loading was cancelled; the sessions loaded before are still shown.
no-code-needed = No code is needed any more; answer with any code or cancel.
sign-out-unconfirmed = Signed out here, but the server did not confirm that the login token ended: { $error }
signed-out = Signed out. Nothing of that session is kept here.
own-session-ended = You logged out the session this page was using, so it is signed out here too. Sign in again to go on.

## Load progress (ui/progress.rs); the spoken sentences are worded apart from the screen's
loading = Loading
loading-sessions = Loading sessions
cancel = Cancel
slow-down-seconds = { $n ->
    [one] The server asked to slow down (too many requests): loading goes on by itself in about { $n } second.
   *[other] The server asked to slow down (too many requests): loading goes on by itself in about { $n } seconds.
}
slow-down = The server asked to slow down (too many requests): loading goes on by itself after a short pause.
spoken-contacting = Loading: contacting the server
spoken-so-far = Loading: { $n } sessions so far
spoken-of = Loading: { $n } of { $total } sessions
spoken-done = { $n ->
    [one] Loading done: { $n } session.
   *[other] Loading done: { $n } sessions.
}
spoken-done-of = { $total ->
    [one] Loading done: { $n } of { $total } session.
   *[other] Loading done: { $n } of { $total } sessions.
}

## The two-factor prompt (ui/prompt.rs)
prompt-email-title = Two-factor code by e-mail
prompt-email-label = Code from the e-mail
prompt-email-what = Enter the code the server e-mailed you.
prompt-password-title = Confirm your password
prompt-password-label = Account password
prompt-password-what = This account has no two-factor method, so the server asks for its password instead (it is sent hashed).
prompt-totp-title = Two-factor code
prompt-totp-label = Code from your authenticator app
prompt-totp-what = Enter the current 6-digit code from your authenticator app (or an 8-character backup code).
prompt-mid-session = The server's two-factor confirmation for this session has run out. The sessions already loaded stay as they are; the request goes on once you answer.
prompt-code-sent = Code sent to { $to }.
continue = Continue
send-new-code = Send a new code

## Sign-in (ui/sign_in.rs)
send-code-by-email = Send code by email
remember-on-device = Remember server and user ID on this device
load-sessions = Load sessions
use-token-instead = Use a user ID and auth token instead
use-password-instead = Use a username and password instead
server-url = Server URL
same-origin = Same origin
username-or-email = Username or e-mail
password = Password
user-id = User ID
auth-token = Auth token
two-fa-code = 2FA code
two-fa-code-help = Optional: leave it empty for a personal access token that skips two-factor checks, or when you confirmed a code here recently. The server asks if it needs one.
advanced = Advanced
server-filter = Server filter
filter-help = Narrows what is downloaded. The server matches the text literally (not as a pattern), ignoring case, against the device name, device type, OS name, session ID and user ID, and against the sessions of users whose username or name contains it. IP addresses, hosts, versions and dates are not searched on the server; search those in the table.
load-at-most = Load at most
all-sessions = All sessions
load-at-most-help = The newest sessions first; leave it empty to load every session.
email-asking = Asking the server to e-mail a code…
email-sent-to = Code sent to { $to }. Enter it as the 2FA code.
email-sent = Code sent to your e-mail address. Enter it as the 2FA code.
email-still-valid-to = A code sent to { $to } a few minutes ago is still valid; enter that one.
email-still-valid = A code sent to your e-mail address a few minutes ago is still valid; enter that one.
email-not-needed = No code is needed right now: this token skips two-factor checks or confirmed one recently.

## The workspace toolbar (ui/workspace.rs, workspace/toolbar.rs, grid/query_error.rs)
devices = Devices
search-bad-pattern = The search is not a valid regular expression; fix it or turn regex mode off. The table still shows the last valid search.
search-too-big = The search pattern is too large to run safely here; use a shorter or simpler pattern. The table still shows the last valid search.
filters = Filters
filters-count = Filters ({ $n })
search = Search
search-regex-placeholder = Regular expression, e.g. ^chrome 12\d
search-placeholder = Any column: client, user, IP, date…
regex = Regex
view = View
mode-table = Table
mode-overview = Overview
mode-groups = Group by user
export-csv = Export CSV
export-json = Export JSON

## Columns, device kinds, chips, relative times (grid/column.rs, grid/chip.rs, workspace/data.rs, workspace/when.rs)
col-client = Client
col-version = Version
col-os = OS
col-user = User
col-last-login = Last login
col-device-id = Device ID
col-ip = IP address
col-host = Host
col-user-id = User ID
field-device-type = Device type
field-long-version = Long version
field-username = Username
login-with-age = { $time } ({ $age })
kind-browser = Browser
kind-desktop-app = Desktop app
kind-mobile-app = Mobile app
kind-mobile-or-tablet = Mobile or tablet
kind-other = Other
none-value = (none)
chip-kind = Device type: { $value }
chip-client = Client: { $value }
chip-os = OS: { $value }
chip-user = User: { $value }
chip-from = Logged in from: { $day }
chip-to = Logged in to: { $day }
rel-now = just now
rel-min-ago = { $n } min ago
rel-min-in = in { $n } min
rel-h-ago = { $n } h ago
rel-h-in = in { $n } h
rel-d-ago = { $n } d ago
rel-d-in = in { $n } d
rel-mo-ago = { $n } mo ago
rel-mo-in = in { $n } mo
rel-y-ago = { $n } y ago
rel-y-in = in { $n } y

## Logout dialog, selection bar, details panel (workspace/confirm.rs, bulk.rs, details.rs)
logout-title = { $n ->
    [one] Log out device
   *[other] Log out { $n } devices
}
logout-text = Device will be logged out from workspace and current session will be ended. User will be able to log in again with the same device.
logout-ok = Log out
logout-own-text = This is the session this page is signed in with; you will be signed out.
logout-own-ok = Log out and sign me out
logout-maybe-own-text = This server does not say which session this page is signed in with (Rocket.Chat before 8.7 does not), so each of your own sessions may be it. They are logged out last, and if one of them is this page's, you will be signed out.
logout-maybe-own-ok = Log out, even if it signs me out
logging-out = Logging out…
done-of = { $n } of { $total }
logout-results = Logout results
logout-summary = { $ok } succeeded, { $failed } failed.
close = Close
bulk-logout = { $n ->
    [one] Log out { $n } device
   *[other] Log out { $n } devices
}
selected-devices = Selected devices
selected-count = { $n } selected
selected-partial = of the sessions read so far; loading goes on
clear-selection = Clear selection
details-refreshing = refreshing…
details-up-to-date = Up to date
details-refresh-failed = Could not refresh: { $error }
try-again = Try again
details-gone = Session not found: this device is no longer signed in.
remove-from-table = Remove from table
copied = Copied
copy-failed = Copy failed
copy = Copy
copy-field = Copy { $field }
copied-field = Copied { $field }
copy-refused = Could not copy { $field }; the browser refused clipboard access.
device-details = Device details
you = You
close-details = Close details
refresh-details = Refresh details
log-out-device = Log out device

## Pager and empty states (grid/page.rs, workspace/pager.rs, workspace/main_view.rs)
status-none = No sessions
status-no-match = No matching sessions (filtered from { $total })
status-filtered = { $from }–{ $to } of { $matched } (filtered from { $total })
status-range = { $from }–{ $to } of { $matched }
count-match = { $n ->
    [0] None of the sessions match
    [one] { $n } session matches
   *[other] { $n } sessions match
}
pages = Pages
rows-per-page = Rows per page
first-page = First page
previous-page = Previous page
next-page = Next page
last-page = Last page
page = Page
page-of = of { $pages }
empty-none = No sessions
empty-no-match = No sessions match
clear-filters = Clear filters

## Filters and chips (workspace/filters.rs, workspace/chips.rs)
filters-in-effect = Filters in effect
remove-filter = Remove filter { $filter }
any = Any
facet-option = { $value } ({ $n })
column-filters = Column filters
user-filter-placeholder = Username or name, then Enter
logged-in-from = Logged in from
logged-in-to = Logged in to

## Overview charts (workspace/charts.rs)
bar-name = { $n ->
    [one] { $label }: { $n } session
   *[other] { $label }: { $n } sessions
}
bar-name-cut = { $n ->
    [one] { $shown } { $n } session ({ $label })
   *[other] { $shown } { $n } sessions ({ $label })
}
logins-per-day = Logins per day
logins-per-week = Logins per week
logins-per-days = Logins per { $n } days
no-login-times = No login times.
day-range = { $from } – { $to }
day-bar-name = { $n ->
    [one] { $when }: { $n } login
   *[other] { $when }: { $n } logins
}
chart-clients = Sessions per client
chart-oses = Sessions per OS
chart-kinds = Sessions per device type
other-clients = Other clients
other-systems = Other systems
no-login-note = { $n ->
    [one] { $n } session without a login time is not in the timeline.
   *[other] { $n } sessions without a login time are not in the timeline.
}

## Export, toasts, groups (workspace/export.rs, handlers.rs, state.rs, toast.rs, groups.rs)
export-file-csv = devices-{ $day }.csv
export-file-json = devices-{ $day }.json
download-refused = The browser refused to create the file; try again.
download-no-document = No document to download from.
download-no-browser = Downloads need a browser.
exported = { $n ->
    [one] Exported { $n } device to { $file }
   *[other] Exported { $n } devices to { $file }
}
exported-partial = { $n ->
    [one] Exported { $n } device to { $file }: only the sessions read so far, as loading still runs. Export again when it ends for every session.
   *[other] Exported { $n } devices to { $file }: only the sessions read so far, as loading still runs. Export again when it ends for every session.
}
logged-out-toast = { $n ->
    [one] Device logged out
   *[other] { $n } devices logged out
}
dismiss = Dismiss
unknown-user = (unknown user { $id })
name-and-username = { $name } ({ $username })
log-out-all-of = Log out all devices of { $who }
log-out-all = Log out all devices
sessions-by-user = Sessions by user
user-count = { $n ->
    [one] { $n } user
   *[other] { $n } users
}
show-more-users = { $n ->
    [one] Show more ({ $n } more user)
   *[other] Show more ({ $n } more users)
}

## The table (workspace/table.rs)
select-all = { $n ->
    [one] Select all { $n } matching device
   *[other] Select all { $n } matching devices
}
select-all-partial = { $n ->
    [one] Select all { $n } matching device read so far
   *[other] Select all { $n } matching devices read so far
}
sort-key-asc = Sort key { $rank } of { $of }, ascending. Shift-click to add or change a secondary key.
sort-key-desc = Sort key { $rank } of { $of }, descending. Shift-click to add or change a secondary key.
badge-current = Your session: the one this page is signed in with
badge-mine = One of your own sessions
select-device = Select device { $id }

## The standalone page's title
page-title = Device management · Rocket.Chat

## Findings (workspace/findings*.rs, preview, report, logout record, new and gone)
fd-findings = Findings
fd-findings-active = Findings ({ $n })
fd-log = Logout record
fd-log-count = Logout record ({ $n })
fd-show = Show
fd-show-label = Show: { $finding }
fd-panel-note = Each finding is a filter: Show adds it as a chip, combined with the search and the other filters.
fd-sessions = { $n ->
    [one] { $n } session
   *[other] { $n } sessions
}
fd-too-many-count = { $rows ->
    [one] { $rows } session
   *[other] { $rows } sessions
} of { $users ->
    [one] { $users } user
   *[other] { $users } users
}
fd-duplicates-count = { $rows ->
    [one] { $rows } session
   *[other] { $rows } sessions
} ({ $extra } beyond the newest)
fd-untrusted-off = Set trusted networks below to use this finding.
fd-outdated-off = Set minimum versions below to use this finding.
fd-keep-newest-user = Keep the newest { $n } of { $user } ({ $now }), log out the rest
fd-keep-newest-all = { $users ->
    [one] Keep the newest { $n } of this { $users } user, log out the rest
   *[other] Keep the newest { $n } of each of these { $users } users, log out the rest
}
fd-keep-newest-of-each = Keep the newest of each duplicate group, log out the other { $extra }
fd-more-users = { $n ->
    [one] and { $n } more user
   *[other] and { $n } more users
}
fd-nothing-to-end = Nothing to log out: no user has more than that.
fd-settings = Settings
fd-stale-days = Stale after (days)
fd-max-per-user = Too many: more sessions than
fd-min-versions = Minimum versions
fd-min-versions-hint = One per line: a client and its version, e.g. desktop-app 4.0.0, mobile-app 4.44.0, Chrome 120.
fd-networks = Trusted networks
fd-networks-hint = One per line: a range and its label, e.g. 10.0.0.0/8 Office, 2001:db8::/32 VPN.
fd-apply = Apply
fd-export-settings = Export settings
fd-import-settings = Import settings
fd-settings-file = rcdm-findings-settings.json
fd-number-error = Use a whole number from { $min } to { $max }.
fd-settings-imported = Findings settings imported.
fd-settings-exported = Findings settings exported.
fd-file-unreadable = The browser could not read this file.
fd-embed-refused = The findings settings given by the page were not used: { $why }
fd-network = Network
fd-no-network = (none of the trusted networks)
fd-preview-users = Per user
fd-preview-clients = Per client
fd-preview-first = First sessions
fd-preview-own = { $n ->
    [one] { $n } session of these is yours.
   *[other] { $n } sessions of these are yours.
}
fd-more-sessions = { $n ->
    [one] and { $n } more session
   *[other] and { $n } more sessions
}
fd-more-groups = and { $n } more
fd-report-summary = { $ended } ended, { $gone } already gone, { $refused } refused.
fd-retry-failures = Retry failures
fd-verify-running = Verifying: reading these users' sessions again…
fd-verify-ok = Verified: none of the ended sessions is still signed in.
fd-verify-survivors = { $n ->
    [one] { $n } session is still signed in after the server said it ended: the server did not end it.
   *[other] { $n } sessions are still signed in after the server said they ended: the server did not end them.
}
fd-verify-failed = Could not verify: { $why }
fd-survived = still signed in
fd-log-empty = No logout has been made from this page yet.
fd-log-note = Kept in this page's memory only; it holds no password or token.
fd-log-when = When
fd-log-whose = Whose
fd-log-session = Session
fd-log-client = Client
fd-log-ip = IP
fd-log-result = Result
fd-log-exported = { $n ->
    [one] Exported { $n } logout to { $file }
   *[other] Exported { $n } logouts to { $file }
}
fd-outcome-ended = Ended
fd-outcome-gone = Already gone
fd-outcome-refused = Refused
fd-new = new
fd-new-title = New since the last load
fd-gone = Gone since the last load
fd-gone-none = No session has vanished since this page was opened.
fd-label-stale = { $days ->
    [one] Stale: last login over { $days } day ago
   *[other] Stale: last login over { $days } days ago
}
fd-label-many = Too many: users with over { $max } sessions
fd-label-dup = Duplicates: same user, client, OS and IP
fd-label-orphan = Orphaned: the user is gone
fd-label-outdated = Outdated: client below its minimum version
fd-label-untrusted = Outside trusted networks

# The findings settings' own errors (grid/findings): a line of the form, a settings file, a link.
fd-line = Line { $line }:
fd-net-label-too-long = The label of { $net } is too long: at most { $max } characters.
fd-net-label-control = The label of { $net } holds a control character.
fd-net-not-range = “{ $text }” is not an IP range: write it as 10.0.0.0/8 or 2001:db8::/32.
fd-net-not-prefix = “{ $prefix }” is not a prefix length: write a number such as /24.
fd-net-prefix-too-long = “{ $text }”: an { $family } prefix is at most { $max }.
fd-net-host-bits = “{ $text }” has bits set after the prefix: did you mean { $fixed }?
fd-net-too-many = At most { $max } networks can be trusted.
fd-ver-no-client = Name a client: desktop-app, mobile-app or a browser such as Chrome.
fd-ver-bad-name = “{ $client }” is not a client name (at most { $max } characters, no control characters).
fd-ver-bad-version = “{ $version }” is not a version for { $client }: write a number such as 120 or 4.44.2.
fd-ver-too-many = At most { $max } minimum versions can be set.
fd-file-too-large = This file is too large to be a settings file (over { $kb } KB).
fd-file-not-object = This is not a settings file: it must be one JSON object.
fd-file-not-settings = This is not a settings file: { $detail }.
fd-file-bad-number = { $key } is { $value }: it must be a whole number from 1 to { $max }.
fd-file-min-version = minVersions: { $why }
fd-file-same-client = minVersions names the same client twice (names are compared without case).
fd-file-one-per-entry = trustedNetworks: write one network per entry.
fd-file-network = trustedNetworks entry { $entry }: { $why }
fd-link-unknown = “{ $key }” is not a finding.
fd-link-bad-number = { $pair } is not valid: use a whole number from { $min } to { $max }.
fd-link-not-one = { $pair } is not valid: use { $fix }.
