session-count = { $n ->
    [one] { $n } Sitzung
   *[other] { $n } Sitzungen
}

language = Sprache
language-en = English
language-de = Deutsch
language-ar = العربية

## Die Kopfzeile (ui/app.rs)
app-title = Geräteverwaltung
signing-in = Anmeldung läuft …
retry = Erneut versuchen
refresh = Aktualisieren
sign-out = Abmelden
server-filter-note = Serverfilter „{ $filter }“: Es wurden nur passende Sitzungen geladen.
header-loaded = { $n ->
    [one] { $n } Sitzung geladen
   *[other] { $n } Sitzungen geladen
}
header-loaded-of = { $total ->
    [one] { $n } von { $total } Sitzung geladen
   *[other] { $n } von { $total } Sitzungen geladen
}
header-who = Angemeldet als { $user } auf { $server }
header-who-here = Angemeldet als { $user } auf diesem Server
header-loading = Sitzungen werden geladen …
header-updated = { $count } · Zuletzt aktualisiert { $time }

## Fehler (api/error.rs): was passiert ist, dann was zu tun ist
error-and-next-step = { $error } { $next }
err-not-logged-in = Der Server hat diese Benutzer-ID und dieses Auth-Token nicht akzeptiert.
err-bad-credentials = Der Server hat diesen Benutzernamen oder dieses Passwort nicht akzeptiert.
err-login-blocked = Der Server hat die Anmeldung nach Fehlversuchen vorübergehend gesperrt.
err-forbidden = Ihrem Konto fehlt die Berechtigung dafür (view-device-management zum Auflisten der Geräte, logout-device-management zum Abmelden).
err-no-licence = Die Lizenz dieses Servers enthält die Geräteverwaltung nicht; sie ist eine Enterprise-Funktion.
err-invalid-params = Der Server hat die Parameter der Anfrage abgelehnt.
err-invalid-params-detail = Der Server hat die Parameter der Anfrage abgelehnt ({ $detail }).
err-emailed-to = Der Server hat einen Zwei-Faktor-Code an { $to } gesendet.
err-emailed = Der Server hat Ihnen einen Zwei-Faktor-Code per E-Mail gesendet.
err-asks-emailed = Der Server verlangt den Zwei-Faktor-Code, den er Ihnen per E-Mail gesendet hat.
err-asks-password = Der Server verlangt für diese Aktion die Bestätigung Ihres Passworts.
err-asks-method = Der Server verlangt einen Zwei-Faktor-Code (Methode „{ $method }“).
err-asks-totp = Der Server verlangt einen Zwei-Faktor-Code aus Ihrer Authenticator-App.
err-password-rejected = Der Server hat das Passwort nicht akzeptiert.
err-code-rejected = Der Zwei-Faktor-Code wurde nicht akzeptiert.
err-max-attempts = Es wurden zu viele falsche Zwei-Faktor-Codes eingegeben.
err-code-every-call = Dieser Server verlangt bei jedem Aufruf einen neuen Zwei-Faktor-Code (Codes werden nicht gespeichert), und ein per E-Mail gesendeter Code gilt nur einmal: Für das vollständige Laden brauchen Sie eine Authenticator-App oder ein Token, das die Zwei-Faktor-Prüfung umgeht.
err-wrong-session = Der Server hat die Details einer anderen Sitzung als der angefragten geliefert; sie werden daher nicht angezeigt.
err-too-large = Die Antwort des Servers war größer als { $mb } MB und wurde daher abgelehnt, bevor sie gelesen wurde.
err-session-not-found = Diese Sitzung existiert nicht mehr; sie wurde vermutlich bereits abgemeldet.
err-endpoint-missing = Dieser Server hat keinen solchen API-Endpunkt.
err-rate-limited = Der Server begrenzt, wie oft dies aufgerufen werden darf.
err-invalid-sort = Der Server hat die Sortierung abgelehnt.
err-invalid-sort-keys = Der Server hat ein Sortierfeld abgelehnt.
err-invalid-input = Das Feld „{ $what }“ enthält Zeichen, die nicht in einer Anfrage gesendet werden können.
input-password = Passwort
input-user-id = Benutzer-ID
input-auth-token = Auth-Token
input-server-url = Server-URL
input-code = Zwei-Faktor-Code
err-network = Der Server war nicht erreichbar.
err-likely-cors = Der Aufruf an { $server } ist ohne Antwort gescheitert, höchstwahrscheinlich vom Browser blockiert: Diese Seite stammt von { $page }, und entweder verbietet die Content-Security-Policy der Seite Verbindungen dorthin oder die CORS-Einstellungen von Rocket.Chat lehnen den Aufruf ab (den Header x-2fa-code erlauben sie nie).
err-timeout = { $n ->
    [one] Der Server hat nicht innerhalb von { $n } Sekunde geantwortet.
   *[other] Der Server hat nicht innerhalb von { $n } Sekunden geantwortet.
}
err-not-json-truncated = Die Antwort des Servers (Status { $status }) endete, bevor ihr JSON vollständig war.
err-not-json = Der Server hat mit Status { $status } geantwortet, aber der Inhalt war kein JSON (vermutlich eine Fehlerseite eines Proxys oder die falsche URL).
err-bad-shape = Die Antwort des Servers (Status { $status }) ist JSON, aber ihr Feld „{ $field }“ fehlt oder hat den falschen Typ.
err-server = Der Server ist mit Status { $status } gescheitert.
err-cancelled = Das Laden wurde abgebrochen.
err-other = Der Server hat mit Status { $status } geantwortet.
err-other-message = Der Server hat mit Status { $status } geantwortet: { $message }.
next-not-logged-in = Prüfen Sie Benutzer-ID und Auth-Token (oder melden Sie sich mit Ihrem Passwort an) und versuchen Sie es erneut.
next-bad-credentials = Prüfen Sie Benutzernamen oder E-Mail-Adresse und Passwort und melden Sie sich erneut an.
next-login-blocked = Warten Sie einige Minuten, bevor Sie sich erneut anmelden, oder bitten Sie einen Administrator, das Konto zu entsperren.
next-forbidden = Bitten Sie einen Rocket.Chat-Administrator, einer Ihrer Rollen diese Berechtigung zu erteilen.
next-no-licence = Bitten Sie den Workspace-Inhaber um eine Enterprise-Lizenz mit Geräteverwaltung.
next-reload-and-report = Laden Sie die Seite neu; wenn es wieder passiert, melden Sie es zusammen mit der Version des Servers.
next-email-code-sent = Geben Sie den Code aus dieser E-Mail ein und versuchen Sie es erneut.
next-email-code-latest = Geben Sie den Code aus der neuesten E-Mail ein oder fordern Sie einen neuen an.
next-password = Geben Sie Ihr Kontopasswort ein und versuchen Sie es erneut.
next-totp = Geben Sie den aktuellen Code aus Ihrer Authenticator-App ein und versuchen Sie es erneut.
next-password-check = Prüfen Sie Ihr Passwort und versuchen Sie es erneut.
next-totp-check-clock = Geben Sie den aktuellen Code ein (und prüfen Sie, ob die Uhr des Geräts stimmt) und versuchen Sie es erneut.
next-max-attempts = Fordern Sie einen neuen Code per E-Mail an und geben Sie diesen ein.
next-code-every-call = Melden Sie sich auf diese Weise an, oder lassen Sie „Merken für“ (Konten → Zwei-Faktor-Authentifizierung) auf mehr als 0 setzen.
next-wrong-session = Die Details unten stammen aus der Liste; laden Sie sie neu, um den aktuellen Stand der Sitzung zu sehen.
next-too-large = Schränken Sie das Laden ein (Erweitert → Filter oder „Höchstens laden“) oder prüfen Sie, ob ein Proxy anstelle des Servers antwortet.
next-session-not-found = Laden Sie die Liste neu, um die noch aktiven Sitzungen zu sehen.
next-endpoint-missing = Prüfen Sie, ob die Server-URL die Adresse von Rocket.Chat ist (ohne /api) und der Server Version 5 oder neuer verwendet.
next-wait-seconds = { $n ->
    [one] Warten Sie { $n } Sekunde und versuchen Sie es erneut.
   *[other] Warten Sie { $n } Sekunden und versuchen Sie es erneut.
}
next-wait-minutes = { $n ->
    [one] Warten Sie { $n } Minute und versuchen Sie es erneut.
   *[other] Warten Sie { $n } Minuten und versuchen Sie es erneut.
}
next-rate-limited = Warten Sie eine Minute und versuchen Sie es erneut, oder bitten Sie um die Berechtigung api-bypass-rate-limit.
next-invalid-input = Fügen Sie den Wert ohne Leerzeichen oder Zeilenumbrüche erneut ein.
next-network = Prüfen Sie die Server-URL und Ihre Verbindung und versuchen Sie es erneut.
next-likely-cors = Öffnen Sie RC Device Manager unter der eigenen Adresse des Rocket.Chat-Servers, oder lassen Sie das Portal /api/ an Rocket.Chat weiterleiten; über Origins hinweg funktioniert nur ein Token, das die Zwei-Faktor-Prüfung überspringt, und nur, wo die Content-Security-Policy dieser Seite Verbindungen zu diesem Server erlaubt.
next-timeout = Versuchen Sie es erneut; wenn es wieder passiert, schränken Sie die Liste mit einem Filter ein oder prüfen Sie die Last des Servers.
next-not-json-truncated = Versuchen Sie es erneut; wenn es wieder passiert, kürzt vielleicht ein Proxy vor Rocket.Chat die Antworten.
next-not-json = Prüfen Sie, ob die Server-URL auf Rocket.Chat zeigt und kein Proxy oder Anmeldeportal an seiner Stelle antwortet.
next-bad-shape = Prüfen Sie, ob die Server-URL auf Rocket.Chat 5 oder neuer zeigt; wenn ja, melden Sie dies mit der Version des Servers.
next-server = Versuchen Sie es gleich erneut; wenn es anhält, prüfen Sie die Logs des Rocket.Chat-Servers.
next-cancelled = Starten Sie erneut, wenn Sie bereit sind.
next-other = Versuchen Sie es erneut oder fragen Sie den Administrator des Servers.

## Warum Sitzungen fehlen (api/outcome.rs)
disagree-claimed = { $n ->
    [one] Die vom Server gemeldete Anzahl der Sitzungen ({ $claimed }) passt nicht zu den gelieferten Zeilen: Er hat { $n } Sitzung geliefert, und sie wird angezeigt.
   *[other] Die vom Server gemeldete Anzahl der Sitzungen ({ $claimed }) passt nicht zu den gelieferten Zeilen: Er hat { $n } Sitzungen geliefert, und alle werden angezeigt.
}
disagree-no-count = { $n ->
    [one] Der Server hat keine brauchbare Anzahl der Sitzungen gemeldet: Die eine gelieferte Sitzung wird angezeigt.
   *[other] Der Server hat keine brauchbare Anzahl der Sitzungen gemeldet: Alle { $n } gelieferten Sitzungen werden angezeigt.
}
shortfall = { $n ->
    [one] { $n } Sitzung konnte nicht geladen werden. Laden Sie neu, um es erneut zu versuchen.
   *[other] { $n } Sitzungen konnten nicht geladen werden. Laden Sie neu, um es erneut zu versuchen.
}
shortfall-because = { $n ->
    [one] { $n } Sitzung konnte nicht geladen werden: { $reasons }. Laden Sie neu, um es erneut zu versuchen.
   *[other] { $n } Sitzungen konnten nicht geladen werden: { $reasons }. Laden Sie neu, um es erneut zu versuchen.
}
list-separator = {"; "}
reason-capped = das Laden endete am Limit von { $cap }
reason-malformed = { $count ->
    [one] { $count } Zeile vom Server hatte keine Sitzungs-ID
   *[other] { $count } Zeilen vom Server hatten keine Sitzungs-ID
}
reason-pages-failed = { $pages ->
    [one] { $pages } Seite scheiterte wiederholt ({ $error })
   *[other] { $pages } Seiten scheiterten wiederholt ({ $error })
}
reason-kept-shifting = neue Anmeldungen haben die Liste über { $rounds } Leserunden hinweg verschoben
reason-total-overcounts = der Server zählt mehr Sitzungen, als er liefert
reason-interrupted = das Laden wurde angehalten ({ $error })
reason-ceiling = ein Ladevorgang endet bei { $sessions } Sitzungen oder { $requests } Anfragen

## Hinweise über der Tabelle (ui/words.rs, ui/state.rs, ui/control.rs)
two-notes = { $first } { $second }
showing-newest = Angezeigt werden die neuesten { $n } von { $total } Sitzungen: Das Laden endete am Limit „Höchstens laden“.
partial-of = Wird geladen … { $n } von { $total } – bisherige Ergebnisse
partial = Wird geladen … bisher { $n } – bisherige Ergebnisse
contacting = Verbindung zum Server wird hergestellt …
progress-loaded = { $n ->
    [one] { $n } Sitzung geladen
   *[other] { $n } Sitzungen geladen
}
progress-again = { $n } von { $total } Sitzungen geladen (erneutes Lesen: neue Anmeldungen haben die Liste verschoben)
progress-of = { $n } von { $total } Sitzungen geladen
stopped-before-end = Das Laden endete vorzeitig: { $n } von { $total } Sitzungen werden angezeigt.
cancelled-partial = Das Laden wurde abgebrochen; die bis dahin gelesenen Sitzungen werden angezeigt.
cancelled-kept = Das Laden wurde abgebrochen; die zuvor geladenen Sitzungen werden weiterhin angezeigt.
no-code-needed = Es ist kein Code mehr nötig; antworten Sie mit einem beliebigen Code oder brechen Sie ab.
sign-out-unconfirmed = Hier abgemeldet, aber der Server hat nicht bestätigt, dass das Login-Token beendet wurde: { $error }
signed-out = Abgemeldet. Von dieser Sitzung wird hier nichts aufbewahrt.
own-session-ended = Sie haben die Sitzung abgemeldet, die diese Seite verwendet hat; deshalb sind Sie auch hier abgemeldet. Melden Sie sich erneut an, um fortzufahren.

## Ladefortschritt (ui/progress.rs)
loading = Wird geladen
loading-sessions = Sitzungen werden geladen
cancel = Abbrechen
slow-down-seconds = { $n ->
    [one] Der Server bittet um eine Pause (zu viele Anfragen): Das Laden geht in etwa { $n } Sekunde von selbst weiter.
   *[other] Der Server bittet um eine Pause (zu viele Anfragen): Das Laden geht in etwa { $n } Sekunden von selbst weiter.
}
slow-down = Der Server bittet um eine Pause (zu viele Anfragen): Das Laden geht nach einer kurzen Pause von selbst weiter.
spoken-contacting = Laden: Verbindung zum Server
spoken-so-far = Laden: bisher { $n } Sitzungen
spoken-of = Laden: { $n } von { $total } Sitzungen
spoken-done = { $n ->
    [one] Laden abgeschlossen: { $n } Sitzung.
   *[other] Laden abgeschlossen: { $n } Sitzungen.
}
spoken-done-of = { $total ->
    [one] Laden abgeschlossen: { $n } von { $total } Sitzung.
   *[other] Laden abgeschlossen: { $n } von { $total } Sitzungen.
}

## Die Zwei-Faktor-Abfrage (ui/prompt.rs)
prompt-email-title = Zwei-Faktor-Code per E-Mail
prompt-email-label = Code aus der E-Mail
prompt-email-what = Geben Sie den Code ein, den der Server Ihnen per E-Mail gesendet hat.
prompt-password-title = Passwort bestätigen
prompt-password-label = Kontopasswort
prompt-password-what = Dieses Konto hat keine Zwei-Faktor-Methode, deshalb verlangt der Server stattdessen das Passwort (es wird gehasht gesendet).
prompt-totp-title = Zwei-Faktor-Code
prompt-totp-label = Code aus Ihrer Authenticator-App
prompt-totp-what = Geben Sie den aktuellen 6-stelligen Code aus Ihrer Authenticator-App ein (oder einen 8-stelligen Backup-Code).
prompt-mid-session = Die Zwei-Faktor-Bestätigung des Servers für diese Sitzung ist abgelaufen. Die bereits geladenen Sitzungen bleiben, wie sie sind; die Anfrage geht weiter, sobald Sie antworten.
prompt-code-sent = Code an { $to } gesendet.
continue = Weiter
send-new-code = Neuen Code senden

## Anmeldung (ui/sign_in.rs)
send-code-by-email = Code per E-Mail senden
remember-on-device = Server und Benutzer-ID auf diesem Gerät merken
load-sessions = Sitzungen laden
use-token-instead = Stattdessen Benutzer-ID und Auth-Token verwenden
use-password-instead = Stattdessen Benutzername und Passwort verwenden
server-url = Server-URL
same-origin = Gleicher Ursprung
username-or-email = Benutzername oder E-Mail
password = Passwort
user-id = Benutzer-ID
auth-token = Auth-Token
two-fa-code = 2FA-Code
two-fa-code-help = Optional: Leer lassen bei einem persönlichen Zugriffstoken, das die Zwei-Faktor-Prüfung überspringt, oder wenn Sie hier kürzlich einen Code bestätigt haben. Der Server fragt nach, wenn er einen braucht.
advanced = Erweitert
server-filter = Serverfilter
filter-help = Schränkt ein, was heruntergeladen wird. Der Server vergleicht den Text wörtlich (nicht als Muster) und ohne Beachtung der Groß-/Kleinschreibung mit Gerätename, Gerätetyp, Betriebssystem, Sitzungs-ID und Benutzer-ID sowie mit den Sitzungen von Benutzern, deren Benutzername oder Name ihn enthält. IP-Adressen, Hosts, Versionen und Daten durchsucht der Server nicht; suchen Sie diese in der Tabelle.
load-at-most = Höchstens laden
all-sessions = Alle Sitzungen
load-at-most-help = Die neuesten Sitzungen zuerst; leer lassen, um alle Sitzungen zu laden.
email-asking = Der Server wird gebeten, einen Code per E-Mail zu senden …
email-sent-to = Code an { $to } gesendet. Geben Sie ihn als 2FA-Code ein.
email-sent = Code an Ihre E-Mail-Adresse gesendet. Geben Sie ihn als 2FA-Code ein.
email-still-valid-to = Ein vor wenigen Minuten an { $to } gesendeter Code ist noch gültig; geben Sie diesen ein.
email-still-valid = Ein vor wenigen Minuten an Ihre E-Mail-Adresse gesendeter Code ist noch gültig; geben Sie diesen ein.
email-not-needed = Derzeit ist kein Code nötig: Dieses Token überspringt die Zwei-Faktor-Prüfung oder hat kürzlich eine bestätigt.

## Werkzeugleiste (ui/workspace.rs, workspace/toolbar.rs, grid/query_error.rs)
devices = Geräte
search-bad-pattern = Die Suche ist kein gültiger regulärer Ausdruck; korrigieren Sie sie oder schalten Sie den Regex-Modus aus. Die Tabelle zeigt weiterhin die letzte gültige Suche.
search-too-big = Das Suchmuster ist zu groß, um hier sicher ausgeführt zu werden; verwenden Sie ein kürzeres oder einfacheres Muster. Die Tabelle zeigt weiterhin die letzte gültige Suche.
filters = Filter
filters-count = Filter ({ $n })
search = Suche
search-regex-placeholder = Regulärer Ausdruck, z. B. ^chrome 12\d
search-placeholder = Jede Spalte: Client, Benutzer, IP, Datum …
regex = Regex
view = Ansicht
mode-table = Tabelle
mode-overview = Übersicht
mode-groups = Nach Benutzer gruppieren
export-csv = CSV exportieren
export-json = JSON exportieren

## Columns, device kinds, chips, relative times (grid/column.rs, grid/chip.rs, workspace/data.rs, workspace/when.rs)
col-client = Client
col-version = Version
col-os = Betriebssystem
col-user = Benutzer
col-last-login = Letzte Anmeldung
col-device-id = Geräte-ID
col-ip = IP-Adresse
col-host = Host
col-user-id = Benutzer-ID
field-device-type = Gerätetyp
field-long-version = Vollständige Version
field-username = Benutzername
login-with-age = { $time } ({ $age })
kind-browser = Browser
kind-desktop-app = Desktop-App
kind-mobile-app = Mobile App
kind-mobile-or-tablet = Smartphone oder Tablet
kind-other = Sonstige
none-value = (keine Angabe)
chip-kind = Gerätetyp: { $value }
chip-client = Client: { $value }
chip-os = Betriebssystem: { $value }
chip-user = Benutzer: { $value }
chip-from = Angemeldet ab: { $day }
chip-to = Angemeldet bis: { $day }
rel-now = gerade eben
rel-min-ago = vor { $n } Min.
rel-min-in = in { $n } Min.
rel-h-ago = vor { $n } Std.
rel-h-in = in { $n } Std.
rel-d-ago = { $n ->
    [one] vor { $n } Tag
   *[other] vor { $n } Tagen
}
rel-d-in = { $n ->
    [one] in { $n } Tag
   *[other] in { $n } Tagen
}
rel-mo-ago = vor { $n } Mon.
rel-mo-in = in { $n } Mon.
rel-y-ago = { $n ->
    [one] vor { $n } Jahr
   *[other] vor { $n } Jahren
}
rel-y-in = { $n ->
    [one] in { $n } Jahr
   *[other] in { $n } Jahren
}

## Logout dialog, selection bar, details panel (workspace/confirm.rs, bulk.rs, details.rs)
logout-title = { $n ->
    [one] Gerät abmelden
   *[other] { $n } Geräte abmelden
}
logout-text = Das Gerät wird vom Workspace abgemeldet und die aktuelle Sitzung beendet. Der Benutzer kann sich mit demselben Gerät erneut anmelden.
logout-ok = Abmelden
logout-own-text = Mit dieser Sitzung ist diese Seite angemeldet; Sie werden abgemeldet.
logout-own-ok = Abmelden, auch mich selbst
logout-maybe-own-text = Dieser Server verrät nicht, mit welcher Sitzung diese Seite angemeldet ist (Rocket.Chat vor 8.7 tut das nicht), daher kann es jede Ihrer eigenen Sitzungen sein. Sie werden zuletzt abgemeldet, und ist eine davon die dieser Seite, werden Sie abgemeldet.
logout-maybe-own-ok = Abmelden, auch wenn ich dabei abgemeldet werde
logging-out = Abmeldung läuft …
done-of = { $n } von { $total }
logout-results = Ergebnis der Abmeldung
logout-summary = { $ok } erfolgreich, { $failed } fehlgeschlagen.
close = Schließen
bulk-logout = { $n ->
    [one] { $n } Gerät abmelden
   *[other] { $n } Geräte abmelden
}
selected-devices = Ausgewählte Geräte
selected-count = { $n } ausgewählt
selected-partial = von den bisher gelesenen Sitzungen; das Laden läuft weiter
clear-selection = Auswahl aufheben
details-refreshing = wird aktualisiert …
details-up-to-date = Aktuell
details-refresh-failed = Aktualisierung fehlgeschlagen: { $error }
try-again = Erneut versuchen
details-gone = Sitzung nicht gefunden: Dieses Gerät ist nicht mehr angemeldet.
remove-from-table = Aus der Tabelle entfernen
copied = Kopiert
copy-failed = Kopieren fehlgeschlagen
copy = Kopieren
copy-field = { $field } kopieren
copied-field = { $field } kopiert
copy-refused = { $field } konnte nicht kopiert werden; der Browser hat den Zugriff auf die Zwischenablage verweigert.
device-details = Gerätedetails
you = Sie
close-details = Details schließen
refresh-details = Details aktualisieren
log-out-device = Gerät abmelden

## Pager and empty states (grid/page.rs, workspace/pager.rs, workspace/main_view.rs)
status-none = Keine Sitzungen
status-no-match = Keine passenden Sitzungen (gefiltert aus { $total })
status-filtered = { $from }–{ $to } von { $matched } (gefiltert aus { $total })
status-range = { $from }–{ $to } von { $matched }
count-match = { $n ->
    [0] Keine der Sitzungen passt
    [one] { $n } Sitzung passt
   *[other] { $n } Sitzungen passen
}
pages = Seiten
rows-per-page = Zeilen pro Seite
first-page = Erste Seite
previous-page = Vorherige Seite
next-page = Nächste Seite
last-page = Letzte Seite
page = Seite
page-of = von { $pages }
empty-none = Keine Sitzungen
empty-no-match = Keine Sitzungen passen
clear-filters = Filter zurücksetzen

## Filters and chips (workspace/filters.rs, workspace/chips.rs)
filters-in-effect = Aktive Filter
remove-filter = Filter entfernen: { $filter }
any = Alle
facet-option = { $value } ({ $n })
column-filters = Spaltenfilter
user-filter-placeholder = Benutzername oder Name, dann Eingabe
logged-in-from = Angemeldet ab
logged-in-to = Angemeldet bis

## Overview charts (workspace/charts.rs)
bar-name = { $n ->
    [one] { $label }: { $n } Sitzung
   *[other] { $label }: { $n } Sitzungen
}
bar-name-cut = { $n ->
    [one] { $shown } { $n } Sitzung ({ $label })
   *[other] { $shown } { $n } Sitzungen ({ $label })
}
logins-per-day = Anmeldungen pro Tag
logins-per-week = Anmeldungen pro Woche
logins-per-days = Anmeldungen pro { $n } Tage
no-login-times = Keine Anmeldezeiten.
day-range = { $from } – { $to }
day-bar-name = { $n ->
    [one] { $when }: { $n } Anmeldung
   *[other] { $when }: { $n } Anmeldungen
}
chart-clients = Sitzungen pro Client
chart-oses = Sitzungen pro Betriebssystem
chart-kinds = Sitzungen pro Gerätetyp
other-clients = Andere Clients
other-systems = Andere Systeme
no-login-note = { $n ->
    [one] { $n } Sitzung ohne Anmeldezeit ist nicht in der Zeitleiste.
   *[other] { $n } Sitzungen ohne Anmeldezeit sind nicht in der Zeitleiste.
}

## Export, toasts, groups (workspace/export.rs, handlers.rs, state.rs, toast.rs, groups.rs)
export-file-csv = geraete-{ $day }.csv
export-file-json = geraete-{ $day }.json
download-refused = Der Browser hat das Erstellen der Datei verweigert; versuchen Sie es erneut.
download-no-document = Kein Dokument, aus dem heruntergeladen werden kann.
download-no-browser = Downloads benötigen einen Browser.
exported = { $n ->
    [one] { $n } Gerät nach { $file } exportiert
   *[other] { $n } Geräte nach { $file } exportiert
}
exported-partial = { $n ->
    [one] { $n } Gerät nach { $file } exportiert: nur die bisher gelesenen Sitzungen, da das Laden noch läuft. Exportieren Sie erneut, wenn es beendet ist, um alle Sitzungen zu erhalten.
   *[other] { $n } Geräte nach { $file } exportiert: nur die bisher gelesenen Sitzungen, da das Laden noch läuft. Exportieren Sie erneut, wenn es beendet ist, um alle Sitzungen zu erhalten.
}
logged-out-toast = { $n ->
    [one] Gerät abgemeldet
   *[other] { $n } Geräte abgemeldet
}
dismiss = Schließen
unknown-user = (unbekannter Benutzer { $id })
name-and-username = { $name } ({ $username })
log-out-all-of = Alle Geräte von { $who } abmelden
log-out-all = Alle Geräte abmelden
sessions-by-user = Sitzungen nach Benutzer
user-count = { $n ->
    [one] { $n } Benutzer
   *[other] { $n } Benutzer
}
show-more-users = { $n ->
    [one] Mehr anzeigen ({ $n } weiterer Benutzer)
   *[other] Mehr anzeigen ({ $n } weitere Benutzer)
}

## The table (workspace/table.rs)
select-all = { $n ->
    [one] { $n } passendes Gerät auswählen
   *[other] Alle { $n } passenden Geräte auswählen
}
select-all-partial = { $n ->
    [one] { $n } bisher gelesenes passendes Gerät auswählen
   *[other] Alle { $n } bisher gelesenen passenden Geräte auswählen
}
sort-key-asc = Sortierschlüssel { $rank } von { $of }, aufsteigend. Umschalt-Klick fügt einen weiteren Schlüssel hinzu oder ändert ihn.
sort-key-desc = Sortierschlüssel { $rank } von { $of }, absteigend. Umschalt-Klick fügt einen weiteren Schlüssel hinzu oder ändert ihn.
badge-current = Ihre Sitzung: die, mit der diese Seite angemeldet ist
badge-mine = Eine Ihrer eigenen Sitzungen
select-device = Gerät { $id } auswählen

## Der Titel der eigenständigen Seite
page-title = Geräteverwaltung · Rocket.Chat

## Befunde (workspace/findings*.rs, Vorschau, Bericht, Abmeldeprotokoll, neu und verschwunden)
fd-findings = Befunde
fd-findings-active = Befunde ({ $n })
fd-log = Abmeldeprotokoll
fd-log-count = Abmeldeprotokoll ({ $n })
fd-show = Anzeigen
fd-show-label = Anzeigen: { $finding }
fd-panel-note = Jeder Befund ist ein Filter: „Anzeigen“ fügt ihn als Chip hinzu, kombiniert mit der Suche und den übrigen Filtern.
fd-sessions = { $n ->
    [one] { $n } Sitzung
   *[other] { $n } Sitzungen
}
fd-too-many-count = { $rows ->
    [one] { $rows } Sitzung
   *[other] { $rows } Sitzungen
} von { $users ->
    [one] { $users } Benutzer
   *[other] { $users } Benutzern
}
fd-duplicates-count = { $rows ->
    [one] { $rows } Sitzung
   *[other] { $rows } Sitzungen
} ({ $extra } über die neueste hinaus)
fd-untrusted-off = Legen Sie unten vertrauenswürdige Netze fest, um diesen Befund zu nutzen.
fd-outdated-off = Legen Sie unten Mindestversionen fest, um diesen Befund zu nutzen.
fd-keep-newest-user = Die neuesten { $n } von { $user } ({ $now }) behalten, die übrigen abmelden
fd-keep-newest-all = { $users ->
    [one] Die neuesten { $n } dieses Benutzers behalten, die übrigen abmelden
   *[other] Bei jedem dieser { $users } Benutzer die neuesten { $n } behalten, die übrigen abmelden
}
fd-keep-newest-of-each = Aus jeder Duplikatgruppe die neueste behalten, die übrigen { $extra } abmelden
fd-more-users = { $n ->
    [one] und { $n } weiterer Benutzer
   *[other] und { $n } weitere Benutzer
}
fd-nothing-to-end = Nichts abzumelden: Kein Benutzer hat mehr als das.
fd-settings = Einstellungen
fd-stale-days = Inaktiv nach (Tagen)
fd-max-per-user = Zu viele: mehr Sitzungen als
fd-min-versions = Mindestversionen
fd-min-versions-hint = Eine pro Zeile: ein Client und seine Version, z. B. desktop-app 4.0.0, mobile-app 4.44.0, Chrome 120.
fd-networks = Vertrauenswürdige Netze
fd-networks-hint = Eines pro Zeile: ein Bereich und seine Bezeichnung, z. B. 10.0.0.0/8 Büro, 2001:db8::/32 VPN.
fd-apply = Übernehmen
fd-export-settings = Einstellungen exportieren
fd-import-settings = Einstellungen importieren
fd-settings-file = rcdm-befunde-einstellungen.json
fd-number-error = Bitte eine ganze Zahl von { $min } bis { $max } angeben.
fd-settings-imported = Einstellungen der Befunde importiert.
fd-settings-exported = Einstellungen der Befunde exportiert.
fd-file-unreadable = Der Browser konnte diese Datei nicht lesen.
fd-embed-refused = Die von der Seite übergebenen Einstellungen der Befunde wurden nicht verwendet: { $why }
fd-network = Netz
fd-no-network = (keines der vertrauenswürdigen Netze)
fd-preview-users = Pro Benutzer
fd-preview-clients = Pro Client
fd-preview-first = Erste Sitzungen
fd-preview-own = { $n ->
    [one] { $n } dieser Sitzungen gehört Ihnen.
   *[other] { $n } dieser Sitzungen gehören Ihnen.
}
fd-more-sessions = { $n ->
    [one] und { $n } weitere Sitzung
   *[other] und { $n } weitere Sitzungen
}
fd-more-groups = und { $n } weitere
fd-report-summary = { $ended } beendet, { $gone } bereits weg, { $refused } abgelehnt.
fd-retry-failures = Fehlgeschlagene wiederholen
fd-verify-running = Überprüfung: Die Sitzungen dieser Benutzer werden erneut gelesen …
fd-verify-ok = Überprüft: Keine der beendeten Sitzungen ist noch angemeldet.
fd-verify-survivors = { $n ->
    [one] { $n } Sitzung ist noch angemeldet, obwohl der Server ihr Ende gemeldet hat: Der Server hat sie nicht beendet.
   *[other] { $n } Sitzungen sind noch angemeldet, obwohl der Server ihr Ende gemeldet hat: Der Server hat sie nicht beendet.
}
fd-verify-failed = Überprüfung nicht möglich: { $why }
fd-survived = noch angemeldet
fd-log-empty = Auf dieser Seite wurde noch nichts abgemeldet.
fd-log-note = Nur im Speicher dieser Seite gehalten; enthält weder Passwort noch Token.
fd-log-when = Wann
fd-log-whose = Wessen
fd-log-session = Sitzung
fd-log-client = Client
fd-log-ip = IP
fd-log-result = Ergebnis
fd-log-exported = { $n ->
    [one] { $n } Abmeldung nach { $file } exportiert
   *[other] { $n } Abmeldungen nach { $file } exportiert
}
fd-outcome-ended = Beendet
fd-outcome-gone = Bereits weg
fd-outcome-refused = Abgelehnt
fd-new = neu
fd-new-title = Neu seit dem letzten Laden
fd-gone = Verschwunden seit dem letzten Laden
fd-gone-none = Seit dem Öffnen dieser Seite ist keine Sitzung verschwunden.
fd-label-stale = { $days ->
    [one] Inaktiv: letzte Anmeldung vor über { $days } Tag
   *[other] Inaktiv: letzte Anmeldung vor über { $days } Tagen
}
fd-label-many = Zu viele: Benutzer mit über { $max } Sitzungen
fd-label-dup = Duplikate: gleicher Benutzer, Client, gleiches Betriebssystem und gleiche IP
fd-label-orphan = Verwaist: Der Benutzer existiert nicht mehr
fd-label-outdated = Veraltet: Client unter seiner Mindestversion
fd-label-untrusted = Außerhalb vertrauenswürdiger Netze

# The findings settings' own errors (grid/findings): a line of the form, a settings file, a link.
fd-line = Zeile { $line }:
fd-net-label-too-long = Die Bezeichnung von { $net } ist zu lang: höchstens { $max } Zeichen.
fd-net-label-control = Die Bezeichnung von { $net } enthält ein Steuerzeichen.
fd-net-not-range = „{ $text }“ ist kein IP-Bereich: Schreiben Sie ihn als 10.0.0.0/8 oder 2001:db8::/32.
fd-net-not-prefix = „{ $prefix }“ ist keine Präfixlänge: Schreiben Sie eine Zahl wie /24.
fd-net-prefix-too-long = „{ $text }“: Ein { $family }-Präfix reicht höchstens bis { $max }.
fd-net-host-bits = In „{ $text }“ sind Bits nach dem Präfix gesetzt: Meinten Sie { $fixed }?
fd-net-too-many = Es können höchstens { $max } vertrauenswürdige Netze festgelegt werden.
fd-ver-no-client = Nennen Sie einen Client: desktop-app, mobile-app oder einen Browser wie Chrome.
fd-ver-bad-name = „{ $client }“ ist kein Clientname (höchstens { $max } Zeichen, keine Steuerzeichen).
fd-ver-bad-version = „{ $version }“ ist keine Version für { $client }: Schreiben Sie eine Zahl wie 120 oder 4.44.2.
fd-ver-too-many = Es können höchstens { $max } Mindestversionen festgelegt werden.
fd-file-too-large = Diese Datei ist zu groß für eine Einstellungsdatei (über { $kb } KB).
fd-file-not-object = Dies ist keine Einstellungsdatei: Sie muss ein einzelnes JSON-Objekt sein.
fd-file-not-settings = Dies ist keine Einstellungsdatei: { $detail }.
fd-file-bad-number = { $key } ist { $value }: Es muss eine ganze Zahl von 1 bis { $max } sein.
fd-file-min-version = minVersions: { $why }
fd-file-same-client = minVersions nennt denselben Client zweimal (Groß- und Kleinschreibung zählt bei Namen nicht).
fd-file-one-per-entry = trustedNetworks: Schreiben Sie ein Netz pro Eintrag.
fd-file-network = trustedNetworks, Eintrag { $entry }: { $why }
fd-link-unknown = „{ $key }“ ist kein Befund.
fd-link-bad-number = { $pair } ist ungültig: Verwenden Sie eine ganze Zahl von { $min } bis { $max }.
fd-link-not-one = { $pair } ist ungültig: Verwenden Sie { $fix }.
