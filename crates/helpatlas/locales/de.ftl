# Deutscher Nachrichtenkatalog. Dieselben Kennungen wie en.ftl.

site-name = Help Atlas
site-description = Hilfe für die seelische Gesundheit in Ihrer Nähe: Beratungstelefone, Online-Therapie, Dienste, Gruppen und Gemeinschaften.

nav-skip = Zum Inhalt springen

exit-label = Schnell verlassen

footer-privacy = Diese Website setzt keine Cookies, verwendet keine Tracker und speichert nicht, wonach Sie suchen.
footer-exit_hint = Schnell verlassen: Die Schaltfläche oben verlässt diese Website sofort. Mit aktiviertem JavaScript bewirkt die Escape-Taste dasselbe.
footer-data = Die Verzeichnisdaten sind offen, und jeder Eintrag nennt seine Quelle. Notrufnummern können sich ändern: Im Zweifel ist die örtliche Notrufnummer in den meisten Ländern Europas die 112 und in Nordamerika die 911.

crisis-label = Dringende Hilfe
crisis-danger = Sind Sie gerade in Gefahr?
crisis-call = Rufen Sie an:
crisis-international = Sind Sie gerade in Gefahr? Rufen Sie die örtliche Notrufnummer an: 112 funktioniert in den meisten Ländern Europas und in vielen Mobilfunknetzen, 911 in Nordamerika, 999 im Vereinigten Königreich, 000 in Australien.
crisis-talk = Sie möchten jetzt mit jemandem sprechen:
crisis-choose_country = Wählen Sie Ihr Land, um seine Notrufnummern und Krisentelefone zu sehen

home-heading = Hilfe für die seelische Gesundheit in Ihrer Nähe
home-intro = Wählen Sie Ihr Land, um Notrufnummern, Beratungstelefone und Chats, Online-Therapie, psychiatrische und psychosoziale Dienste, Selbsthilfegruppen und Online-Gemeinschaften zu sehen, die Sie von dort aus nutzen können.
home-country_label = Ihr Land
home-country_placeholder = Land wählen
home-country_submit = Hilfe anzeigen
home-kinds_heading = Fünf Arten von Hilfe

country-heading = Hilfe für die seelische Gesundheit: { $country }
country-none_yet = Für { $country } ist noch nichts verzeichnet.
country-only_in = Nur in: { $areas }

emergency-heading = Notrufnummern
emergency-general = Notruf
emergency-police = Polizei
emergency-ambulance = Rettungsdienst
emergency-fire = Feuerwehr
emergency-unknown_call = keine eigene Nummer gefunden; wählen Sie { $number }
emergency-not_known = unbekannt
emergency-official_source = Offizielle Quelle
emergency-secondary_source = Quelle (keine offizielle Seite)
emergency-more_sources = Weitere Quellen:
emergency-confirmed = bestätigt am { $date }
emergency-unconfirmed_secondary = Unbestätigt: Wir haben keine offizielle Seite mit diesen Nummern gefunden.
emergency-unconfirmed_undated = Unbestätigt: Die offizielle Seite trägt kein Datum.
emergency-unconfirmed_old = Unbestätigt: Die offizielle Seite stammt vom { $date }.
emergency-unknown = Wir kennen die Notrufnummer dieses Landes nicht. Wenn Sie in Gefahr sind, rufen Sie die örtliche Notrufnummer an oder gehen Sie ins nächste Krankenhaus.

source-label = Quelle:
source-link = Quelle
source-checked = geprüft am { $date }

service-run_by = Betrieben von
service-contact = So erreichen Sie es
service-open_now = Jetzt geöffnet
service-not_open_now = Gerade nicht geöffnet
service-timezone = Die Zeiten sind Ortszeit: { $zone }.
service-open_alternatives = Stattdessen jetzt geöffnet
service-who = Wer es nutzen kann
service-areas = Wo
service-eligibility = Voraussetzungen
service-eligibility_note = Gut zu wissen
service-cost = Kosten
service-languages = Sprachen
service-topics = Hilft bei
service-audiences = Für
service-website = Website
service-verified = Am { $date } mit der eigenen Seite der Organisation abgeglichen.
service-source_date = (die Seite ist vom { $date })
service-unverified = Aus einer Liste Dritter, geprüft am { $date }; von der Organisation noch nicht bestätigt.
service-stale = Dieser Eintrag wurde seit über 12 Monaten nicht mit seiner Quelle abgeglichen: Rufen Sie an oder sehen Sie auf der Website nach, bevor Sie sich auf die Zeiten verlassen.

channel-open = jetzt geöffnet
channel-closed = jetzt geschlossen
channel-hours_unknown = Zeiten nicht veröffentlicht

hours-always = rund um die Uhr, täglich
hours-closed = geschlossen

day-every = Täglich

area-world = Weltweit
area-radius = Im Umkreis von { $km } km

eligibility-residents = Für Einwohner von { $areas }
eligibility-min_age = ab { $age } Jahren
eligibility-max_age = bis { $age } Jahre

error-not_found-title = Seite nicht gefunden
error-not_found-detail = Diese Seite haben wir nicht gefunden. Die dringende Hilfe oben ist weiterhin für Sie da.
error-bad_request-title = Diese Anfrage haben wir nicht verstanden
error-server-title = Etwas ist schiefgelaufen
error-server-detail = Bei uns ist etwas schiefgelaufen. Wenn Sie jetzt Hilfe brauchen, rufen Sie die örtliche Notrufnummer an.
error-go_home = Zur Startseite
error-unknown_interface_language = „{ $value }“ ist keine Sprache, in der diese Website geschrieben ist. Verfügbar: { $valid }.
error-unknown_country = „{ $code }“ ist kein Land, das wir kennen. Bitte wählen Sie ein Land aus der Liste.

kind-online-therapy = Online-Therapie
kind-in-person = Dienste vor Ort
kind-support-groups = Selbsthilfegruppen
kind-helplines = Beratungstelefone und Chats
kind-communities = Online-Gemeinschaften

kind-intro-online-therapy = Therapie mit einer Fachperson per Video oder Telefon sowie therapeutisch begleitete Internetprogramme (Online-KVT).
kind-intro-in-person = Dienste für seelische Gesundheit, die Sie aufsuchen: Ambulanzen, sozialpsychiatrische Dienste, Bereitschafts- und Notfallversorgung.
kind-intro-support-groups = Gruppen von Menschen mit ähnlichen Erfahrungen, die sich vor Ort oder online treffen, um einander zu unterstützen.
kind-intro-helplines = Telefon-, SMS- und Chatangebote, bei denen ein Mensch zuhört, auch Krisentelefone, kostenlos und ohne Termin.
kind-intro-communities = Online-Foren und -Gemeinschaften, in denen Menschen einander unterstützen, manche von Fachleuten moderiert.

topic-suicidal-thoughts = Suizidgedanken
topic-self-harm = Selbstverletzung
topic-anxiety = Angst
topic-panic = Panikattacken
topic-social-anxiety = Soziale Angst
topic-generalised-anxiety = Generalisierte Angststörung
topic-phobias = Phobien
topic-depression = Depression
topic-ptsd-trauma = PTBS und Trauma
topic-insomnia = Schlafprobleme
topic-ocd = Zwangsstörung
topic-eating-disorders = Essstörungen
topic-bipolar = Bipolare Störung
topic-psychosis = Psychose
topic-adhd = ADHS
topic-substance-use = Drogen und Suchtmittel
topic-alcohol = Alkohol
topic-gambling = Glücksspiel
topic-grief = Trauer und Verlust
topic-loneliness = Einsamkeit
topic-stress = Belastung und Stress
topic-relationships = Beziehungen
topic-family = Familie
topic-abuse-violence = Misshandlung und Gewalt
topic-sexual-violence = Sexualisierte Gewalt
topic-bullying = Mobbing
topic-gender-sexuality = Geschlecht und Sexualität
topic-perinatal-parenting = Schwangerschaft und Elternsein
topic-physical-illness = Leben mit Krankheit
topic-money-worries = Geldsorgen
topic-work-study = Arbeit und Studium

audience-children = Kinder
audience-young-people = Jugendliche
audience-students = Studierende
audience-adults = Erwachsene
audience-older-people = Ältere Menschen
audience-men = Männer
audience-women = Frauen
audience-lgbtq = LSBTIQ*-Personen
audience-veterans = Veteraninnen und Veteranen
audience-parents = Eltern
audience-carers = Pflegende Angehörige
audience-indigenous = Indigene Menschen
audience-migrants-refugees = Zugewanderte und Geflüchtete
audience-deaf-hard-of-hearing = Gehörlose und schwerhörige Menschen
audience-health-workers = Beschäftigte im Gesundheitswesen

channel-phone = Telefon
channel-sms = SMS
channel-chat = Chat
channel-video = Videogespräch
channel-email = E-Mail
channel-messaging = Messenger
channel-app = App
channel-web-program = Website
channel-in-person = Persönlich

cost-free = Kostenlos
cost-public-coverage = Von der gesetzlichen Krankenversicherung übernommen
cost-low-cost = Günstig
cost-sliding-scale = Nach Einkommen gestaffelt
cost-private-insurance = Private Krankenversicherung
cost-paid = Kostenpflichtig

referral-none = keine Überweisung nötig
referral-self-referral = selbst anmelden
referral-gp = Überweisung vom Hausarzt nötig
referral-any-doctor = ärztliche Überweisung nötig

nav-articles = Über die Arten von Hilfe
nav-language = Sprache
nav-languages = Diese Seite lesen auf
country-search_label = Hier Hilfe suchen
country-search_submit = Suchen
country-place_label = Ihr Ort oder Ihre Region
country-place_submit = Finden
country-see_all = Alle { $n } ansehen
error-unknown_city = Diese Stadt kennen wir in { $country } nicht. Bitte wählen Sie Ihren Ort erneut.
error-unknown_region = Diese Region kennen wir in { $country } nicht. Bitte wählen Sie Ihren Ort erneut.

results-heading-online-therapy = Online-Therapie für { $place }
results-heading-in-person = Dienste vor Ort in der Nähe von { $place }
results-heading-support-groups = Selbsthilfegruppen in { $place }
results-heading-helplines = Beratungstelefone und Chats für { $place }
results-heading-communities = Online-Gemeinschaften für { $place }
results-heading-search = Hilfe suchen in { $place }
results-article-online-therapy = Wirkt Online-Therapie?
results-article-in-person = Über die Versorgung vor Ort
results-article-support-groups = Helfen Selbsthilfegruppen?
results-article-helplines = Was passiert, wenn Sie ein Beratungstelefon anrufen?
results-article-communities = Über Online-Gemeinschaften
results-change_place = Ort ändern
results-crisis_heading = Wenn Sie an Suizid denken oder daran, sich etwas anzutun
results-search_label = Suche
results-filters = Filter
results-apply = Ergebnisse anzeigen
results-clear = Filter zurücksetzen
results-count = { $n ->
    [one] { $n } Treffer
   *[other] { $n } Treffer
}
results-none = Für { $place } passt nichts zu diesen Filtern.
results-other_kinds = Andere Arten von Hilfe, die es hier gibt:
results-by_kind = Nach Art der Hilfe:
results-open_now = Jetzt geöffnet
results-distance = { $km } km entfernt
results-pages = Seiten
results-prev = Vorherige Seite
results-next = Nächste Seite
results-page_of = Seite { $page }

filter-when = Wann
filter-open_now = Jetzt geöffnet
filter-always_open = Rund um die Uhr
filter-topic = Hilft bei
filter-channel = Erreichbar per
filter-cost = Kosten
filter-audience = Für
filter-by = Angeboten von
filter-lang = Sprache

by-professionals = Fachleuten
by-trained-volunteers = Geschulten Ehrenamtlichen
by-peers = Betroffenen

places-title = Wählen Sie Ihren Ort
places-hint = Geben Sie den Namen Ihres Ortes, Ihrer Stadt oder Region ein.
places-none = Kein Ort namens „{ $query }“ gefunden. Versuchen Sie eine andere Schreibweise oder eine größere Stadt in der Nähe.
places-use_location = Meinen Standort verwenden

articles-title = Über die Arten von Hilfe
articles-updated = Aktualisiert am { $date }

lang-asl = Amerikanische Gebärdensprache
lang-bsl = Britische Gebärdensprache

error-address_too_long = Die Adresse ist zu lang (über { $max } Zeichen).
error-too_many_values = Zu viele Werte für „{ $param }“.
error-bad_number = „{ $value }“ ist kein gültiger Wert für „{ $param }“.
error-query_too_long = Der Suchtext ist länger als { $value } Zeichen.
error-bad_language = „{ $value }“ ist kein Sprachcode (wie en oder nb).
error-bad_page = Die Seitenzahl muss zwischen 1 und { $value } liegen.
error-unknown_code = „{ $value }“ ist uns als { $vocabulary } nicht bekannt. Gültige Werte: { $valid }.
vocabulary-kind = Art der Hilfe
vocabulary-topic = Thema
vocabulary-audience = Zielgruppe
vocabulary-channel = Kontaktweg
vocabulary-cost = Kostenart
vocabulary-delivered-by = Anbieterart
vocabulary-form = Formular
vocabulary-moderation = Moderation
vocabulary-referral = Überweisungsart
vocabulary-status = Status
error-place_too_long = Der Ortsname ist länger als { $max } Zeichen.
error-bad_coordinates = „lat“ muss eine Zahl von -90 bis 90 sein und „lon“ eine Zahl von -180 bis 180.
places-none_near = In der Nähe dieses Punktes ist keine Stadt bekannt.
filter-you = Zu Ihnen
filter-age = Ihr Alter
filter-resident = Ich wohne in { $place }

report-link = Ein Problem mit diesem Eintrag melden
report-title = Problem melden: { $name }
report-heading = Ein Problem mit { $name } melden
report-intro = Sagen Sie uns, was nicht stimmt, und eine Redakteurin oder ein Redakteur prüft es anhand der eigenen Angaben des Angebots. Sie brauchen kein Konto. Wir speichern nur, was Sie hier eingeben: nichts über Sie oder Ihr Gerät.
report-reason = Was stimmt nicht?
report-reason-number-does-not-work = Eine Nummer oder ein Link funktioniert nicht
report-reason-closed = Das Angebot wurde eingestellt
report-reason-wrong-hours = Die Öffnungszeiten stimmen nicht
report-reason-wrong-address = Die Adresse stimmt nicht
report-reason-harmful = Es ist schädlich oder kein Angebot für seelische Gesundheit
report-reason-other = Etwas anderes
report-channel = Um welchen Kontaktweg geht es? (optional)
report-channel_none = Keinen bestimmten
report-detail = Was haben Sie festgestellt? (optional; nötig bei „Etwas anderes“)
report-detail_hint = Bis zu { $max } Zeichen. Bitte machen Sie keine Angaben zu Ihrer Gesundheit.
report-submit = Meldung senden
suggest-link = Kennen Sie ein Angebot, das fehlt? Schlagen Sie es vor
suggest-title = Ein Angebot vorschlagen: { $country }
suggest-heading = Ein Angebot vorschlagen: { $country }
suggest-intro = Erzählen Sie uns von Hilfe für die seelische Gesundheit, die hier noch fehlt. Die Redaktion prüft jeden Vorschlag anhand der eigenen Angaben des Angebots, bevor er veröffentlicht wird. Sie brauchen kein Konto, und wir speichern nur, was Sie hier eingeben.
suggest-name = Name des Angebots
suggest-kind = Art der Hilfe
suggest-kind_unknown = Weiß ich nicht
suggest-reach = So ist es erreichbar
suggest-reach_hint = Telefonnummern, Website, Chat oder Adresse: so viel Sie wissen.
suggest-who = Für wen es ist (optional)
suggest-place = Wo (optional): ein Ort, eine Region oder das ganze Land
suggest-source = Ein Link zur eigenen Seite des Angebots (optional)
suggest-submit = Vorschlag senden
feedback-contact = Ihre E-Mail-Adresse (optional)
feedback-contact_hint = Nur wenn Sie eine Antwort möchten. Sie ist nur für die Redaktion sichtbar und wird für nichts anderes verwendet.
feedback-honeypot = Dieses Feld leer lassen
feedback-not_sent = Noch nicht gesendet: Bitte prüfen Sie
feedback-kept = Alles, was Sie eingegeben haben, steht noch im Formular unten.
feedback-trap = Das Feld „Dieses Feld leer lassen“ wurde ausgefüllt, wie es automatischer Spam tut. Leeren Sie es und senden Sie das Formular erneut.
feedback-too_fast = Das Formular kam weniger als { $seconds } Sekunden nach dem Öffnen zurück, wie es automatischer Spam tut. Bitte prüfen Sie es und senden Sie es erneut.
feedback-expired = Dieses Formular war länger als einen Tag geöffnet oder stammt nicht von uns. Bitte prüfen Sie es und senden Sie es erneut.
feedback-field-reason = Was nicht stimmt
feedback-field-channel = Welcher Kontaktweg
feedback-field-detail = Was Sie festgestellt haben
feedback-field-contact = E-Mail-Adresse
feedback-field-name = Name des Angebots
feedback-field-kind = Art der Hilfe
feedback-field-reach = Erreichbarkeit
feedback-field-who = Für wen
feedback-field-place = Wo
feedback-field-source_url = Link zur Quelle
feedback-back_to = Zurück zu { $name }
feedback-limited-title = Zu viele Formulare gesendet
feedback-limited-detail = Von dieser Verbindung wurden in kurzer Zeit viele Formulare gesendet, deshalb wurde dieses nicht angenommen. Bitte versuchen Sie es in { $minutes } Minuten erneut. Wenn Sie jetzt Hilfe brauchen, sind die Nummern oben immer für Sie da.
feedback-sent-report = Danke: Ihre Meldung wurde gesendet
feedback-sent-suggestion = Danke: Ihr Vorschlag wurde gesendet
feedback-sent-report_next = Die Redaktion gleicht den Eintrag mit den eigenen Angaben des Angebots ab und korrigiert ihn, meist innerhalb weniger Tage. Meldungen, dass ein Krisentelefon nicht abhebt oder eingestellt wurde, werden zuerst geprüft. Wir antworten nur, wenn Sie eine E-Mail-Adresse angegeben haben.
feedback-sent-suggestion_next = Die Redaktion prüft das Angebot anhand seiner eigenen Angaben, bevor es aufgenommen wird, meist innerhalb weniger Wochen. Wir antworten nur, wenn Sie eine E-Mail-Adresse angegeben haben.
feedback-sent-need_help = Wenn Sie jetzt mit jemandem sprechen möchten
feedback-sent-open_now = Diese Krisentelefone sind jetzt erreichbar:
feedback-sent-none_open = Wir kennen gerade kein Krisentelefon, das jetzt erreichbar ist.
feedback-sent-all_lines = Alle Beratungstelefone ansehen

service-from_feed = Von { $feed },
service-feed_updated = aktualisiert am { $date }.
service-feed_licence = Lizenz: { $licence }.
error-busy-title = Zu viele Suchen gleichzeitig
error-busy-detail = Diese Suche war gerade nicht möglich, weil viele Menschen gleichzeitig suchen. Bitte versuchen Sie es in ein paar Sekunden noch einmal. Wenn Sie jetzt Hilfe brauchen, rufen Sie die Notrufnummer oben an.
error-busy-country = Die Telefonhilfen und Notrufnummern dieses Landes ansehen
results-call = { $number } anrufen
results-text = SMS an { $number }
results-no_match = Keine Treffer für „{ $query }“ in { $place }.
results-general_support = Diese Telefone hören allen zu, die reden möchten, egal worum es geht:
text-in_language = (auf { $language })
articles-other_languages = Dieser Artikel auf:
