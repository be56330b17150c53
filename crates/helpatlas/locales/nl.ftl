# Nederlandse berichtencatalogus. Dezelfde kenmerken als en.ftl.

site-name = Help Atlas
site-description = Vind hulp bij psychische problemen waar je woont: hulplijnen, online therapie, diensten, groepen en gemeenschappen.

nav-skip = Naar de inhoud

exit-label = Snel weg

footer-privacy = Deze site plaatst geen cookies, gebruikt geen trackers en onthoudt niet waar je naar zoekt.
footer-exit_hint = Snel weg: met de knop bovenaan verlaat je deze site meteen. Met JavaScript aan doet de Escape-toets hetzelfde.
footer-data = De gegevens van deze gids zijn open en bij elke vermelding staat de bron. Alarmnummers kunnen veranderen: bij twijfel is het lokale alarmnummer 112 in het grootste deel van Europa en 911 in Noord-Amerika.

crisis-label = Dringende hulp
crisis-danger = Ben je nu in gevaar?
crisis-call = Bel
crisis-international = Ben je nu in gevaar? Bel het lokale alarmnummer: 112 werkt in het grootste deel van Europa en op veel mobiele netwerken, 911 in Noord-Amerika, 999 in het Verenigd Koninkrijk, 000 in Australië.
crisis-talk = Wil je nu met iemand praten?
crisis-choose_country = Kies je land om de alarmnummers en crisislijnen te zien

home-heading = Vind hulp bij psychische problemen waar je woont
home-intro = Kies je land om alarmnummers, hulplijnen en chats, online therapie, ggz-diensten, lotgenotengroepen en online gemeenschappen te zien die je van daaruit kunt gebruiken.
home-country_label = Jouw land
home-country_placeholder = Kies een land
home-country_submit = Toon hulp
home-kinds_heading = Vijf soorten hulp

country-heading = Hulp bij psychische problemen: { $country }
country-none_yet = Voor { $country } staat nog niets vermeld.
country-only_in = Alleen in: { $areas }

emergency-heading = Alarmnummers
emergency-general = Alarmnummer
emergency-police = Politie
emergency-ambulance = Ambulance
emergency-fire = Brandweer
emergency-unknown_call = geen apart nummer gevonden; bel { $number }
emergency-not_known = onbekend
emergency-official_source = Officiële bron
emergency-secondary_source = Bron (geen officiële pagina)
emergency-more_sources = Meer bronnen:
emergency-confirmed = bevestigd op { $date }
emergency-unconfirmed_secondary = Niet bevestigd: we vonden geen officiële pagina met deze nummers.
emergency-unconfirmed_undated = Niet bevestigd: de officiële pagina heeft geen datum.
emergency-unconfirmed_old = Niet bevestigd: de officiële pagina is van { $date }.
emergency-unknown = We hebben het alarmnummer van dit land niet. Ben je in gevaar, bel dan het lokale alarmnummer of ga naar het dichtstbijzijnde ziekenhuis.

source-label = Bron:
source-link = bron
source-checked = gecontroleerd op { $date }

service-run_by = Aangeboden door
service-contact = Zo bereik je het
service-open_now = Nu open
service-not_open_now = Nu niet open
service-timezone = De tijden zijn lokale tijd in { $zone }.
service-open_alternatives = Nu wel open
service-who = Wie kan het gebruiken
service-areas = Waar
service-eligibility = Voorwaarden
service-eligibility_note = Goed om te weten
service-cost = Kosten
service-languages = Talen
service-topics = Helpt bij
service-audiences = Voor
service-website = Website
service-verified = Op { $date } gecontroleerd op de eigen pagina van de organisatie.
service-source_date = (de pagina is van { $date })
service-unverified = Uit een lijst van derden, gecontroleerd op { $date }; nog niet bevestigd door de organisatie.
service-stale = Deze vermelding is al meer dan 12 maanden niet met de bron vergeleken: bel of kijk op de website voordat je op de tijden vertrouwt.

channel-open = nu open
channel-closed = nu gesloten
channel-hours_unknown = tijden niet bekendgemaakt

hours-always = dag en nacht, elke dag
hours-closed = gesloten

day-every = Elke dag

area-world = Wereldwijd
area-radius = Binnen { $km } km

eligibility-residents = Voor inwoners van { $areas }
eligibility-min_age = vanaf { $age } jaar
eligibility-max_age = tot { $age } jaar

error-not_found-title = Pagina niet gevonden
error-not_found-detail = We konden die pagina niet vinden. De dringende hulp hierboven is er nog steeds voor je.
error-bad_request-title = We begrepen dit verzoek niet
error-server-title = Er ging iets mis
error-server-detail = Er ging bij ons iets mis. Heb je nu hulp nodig, bel dan het lokale alarmnummer.
error-go_home = Naar de startpagina
error-unknown_interface_language = ‘{ $value }’ is geen taal waarin deze site geschreven is. Beschikbaar: { $valid }.
error-unknown_country = ‘{ $code }’ is geen land dat we kennen. Kies een land uit de lijst.

kind-online-therapy = Online therapie
kind-in-person = Hulp op locatie
kind-support-groups = Lotgenotengroepen
kind-helplines = Hulplijnen en chats
kind-communities = Online gemeenschappen

kind-intro-online-therapy = Therapie met een professional via video of telefoon, en internetprogramma’s onder begeleiding van een therapeut (online cgt).
kind-intro-in-person = Ggz-diensten waar je naartoe gaat: poliklinieken, wijkteams, huisartsenposten en spoedeisende zorg.
kind-intro-support-groups = Groepen mensen met vergelijkbare ervaringen die elkaar steunen, op locatie of online.
kind-intro-helplines = Telefoon-, sms- en chatlijnen waar iemand naar je luistert, ook crisislijnen, gratis en zonder afspraak.
kind-intro-communities = Online fora en gemeenschappen waar mensen elkaar steunen, sommige gemodereerd door professionals.

topic-suicidal-thoughts = Gedachten aan zelfdoding
topic-self-harm = Zelfbeschadiging
topic-anxiety = Angst
topic-panic = Paniek
topic-social-anxiety = Sociale angst
topic-generalised-anxiety = Gegeneraliseerde angst
topic-phobias = Fobieën
topic-depression = Depressie
topic-ptsd-trauma = PTSS en trauma
topic-insomnia = Slaapproblemen
topic-ocd = Dwangstoornis
topic-eating-disorders = Eetstoornissen
topic-bipolar = Bipolaire stoornis
topic-psychosis = Psychose
topic-adhd = ADHD en concentratie
topic-substance-use = Drugs en middelengebruik
topic-alcohol = Alcohol
topic-gambling = Gokken
topic-grief = Rouw en verlies
topic-loneliness = Eenzaamheid
topic-stress = Stress en spanning
topic-relationships = Relaties
topic-family = Gezin en familie
topic-abuse-violence = Mishandeling en geweld
topic-sexual-violence = Seksueel geweld
topic-bullying = Pesten
topic-gender-sexuality = Gender en seksualiteit
topic-perinatal-parenting = Zwangerschap en ouderschap
topic-physical-illness = Leven met ziekte
topic-money-worries = Geldzorgen
topic-work-study = Werk en studie

audience-children = Kinderen
audience-young-people = Jongeren
audience-students = Studenten
audience-adults = Volwassenen
audience-older-people = Ouderen
audience-men = Mannen
audience-women = Vrouwen
audience-lgbtq = Lhbtiq+-personen
audience-veterans = Veteranen
audience-parents = Ouders
audience-carers = Mantelzorgers
audience-indigenous = Inheemse volken
audience-migrants-refugees = Migranten en vluchtelingen
audience-deaf-hard-of-hearing = Doven en slechthorenden
audience-health-workers = Zorgmedewerkers

channel-phone = Telefoon
channel-sms = Sms
channel-chat = Chatgesprek
channel-video = Videobellen
channel-email = E-mail
channel-messaging = Berichtenapp
channel-app = Mobiele app
channel-web-program = Website
channel-in-person = Persoonlijk

cost-free = Gratis
cost-public-coverage = Vergoed door de basisverzekering
cost-low-cost = Goedkoop
cost-sliding-scale = Tarief naar inkomen
cost-private-insurance = Aanvullende of particuliere verzekering
cost-paid = Betaald

referral-none = geen verwijzing nodig
referral-self-referral = zelf aanmelden
referral-gp = verwijzing van de huisarts nodig
referral-any-doctor = verwijzing van een arts nodig

nav-articles = Over de soorten hulp
nav-language = Taal
nav-languages = Lees deze pagina in het
country-search_label = Hier hulp zoeken
country-search_submit = Zoeken
country-place_label = Je woonplaats of regio
country-place_submit = Vinden
country-see_all = Alle { $n } bekijken
error-unknown_city = Die stad kennen we niet in { $country }. Kies je plaats opnieuw.
error-unknown_region = Die regio kennen we niet in { $country }. Kies je plaats opnieuw.

results-heading-online-therapy = Online therapie voor { $place }
results-heading-in-person = Hulp op locatie bij { $place }
results-heading-support-groups = Lotgenotengroepen in { $place }
results-heading-helplines = Hulplijnen en chats voor { $place }
results-heading-communities = Online gemeenschappen voor { $place }
results-heading-search = Hulp zoeken in { $place }
results-article-online-therapy = Werkt online therapie?
results-article-in-person = Over zorg op locatie
results-article-support-groups = Helpen lotgenotengroepen?
results-article-helplines = Wat gebeurt er als je een hulplijn belt?
results-article-communities = Over online gemeenschappen
results-change_place = Andere plaats
results-crisis_heading = Als je aan zelfdoding denkt of jezelf pijn wilt doen
results-search_label = Zoeken
results-filters = Filters instellen
results-apply = Resultaten tonen
results-clear = Filters wissen
results-count = { $n ->
    [one] { $n } gevonden
   *[other] { $n } gevonden
}
results-none = Niets past bij deze filters voor { $place }.
results-other_kinds = Andere soorten hulp die hier beschikbaar zijn:
results-by_kind = Per soort hulp:
results-open_now = Nu open
results-distance = op { $km } km
results-pages = Pagina’s
results-prev = Vorige pagina
results-next = Volgende pagina
results-page_of = Pagina { $page }

filter-when = Wanneer
filter-open_now = Nu open
filter-always_open = Dag en nacht open
filter-topic = Helpt bij
filter-channel = Bereikbaar via
filter-cost = Kosten
filter-audience = Voor
filter-by = Gegeven door
filter-lang = Taal

by-professionals = Professionals
by-trained-volunteers = Getrainde vrijwilligers
by-peers = Ervaringsdeskundigen

places-title = Kies je plaats
places-hint = Typ de naam van je dorp, stad of regio.
places-none = Geen plaats gevonden met de naam ‘{ $query }’. Probeer een andere spelling of een grotere stad in de buurt.
places-use_location = Mijn locatie gebruiken

articles-title = Over de soorten hulp
articles-updated = Bijgewerkt op { $date }

lang-asl = Amerikaanse Gebarentaal
lang-bsl = Britse Gebarentaal

error-address_too_long = Het adres is te lang (meer dan { $max } tekens).
error-too_many_values = Te veel waarden voor ‘{ $param }’.
error-bad_number = ‘{ $value }’ is geen geldige waarde voor ‘{ $param }’.
error-query_too_long = De zoektekst is langer dan { $value } tekens.
error-bad_language = ‘{ $value }’ is geen taalcode (zoals en of nb).
error-bad_page = Het paginanummer moet tussen 1 en { $value } liggen.
error-unknown_code = ‘{ $value }’ kennen we niet als { $vocabulary }. Geldige waarden: { $valid }.
vocabulary-kind = soort hulp
vocabulary-topic = onderwerp
vocabulary-audience = doelgroep
vocabulary-channel = kanaal
vocabulary-cost = kosten
vocabulary-delivered-by = soort aanbieder
vocabulary-form = formulier
vocabulary-moderation = moderatie
vocabulary-referral = verwijzing
vocabulary-status = status
error-place_too_long = De plaatsnaam is langer dan { $max } tekens.
error-bad_coordinates = ‘lat’ moet een getal van -90 tot 90 zijn en ‘lon’ een getal van -180 tot 180.
places-none_near = Er is geen stad bekend in de buurt van dat punt.
filter-you = Over jou
filter-age = Je leeftijd
filter-resident = Ik woon in { $place }

report-link = Een probleem met deze vermelding melden
report-title = Probleem melden: { $name }
report-heading = Een probleem met { $name } melden
report-intro = Vertel ons wat er niet klopt; een redacteur controleert het met de eigen informatie van de dienst. Je hebt geen account nodig. We bewaren alleen wat je hier typt: niets over jou of je apparaat.
report-reason = Wat klopt er niet?
report-reason-number-does-not-work = Een nummer of link werkt niet
report-reason-closed = De dienst is gestopt
report-reason-wrong-hours = De openingstijden kloppen niet
report-reason-wrong-address = Het adres klopt niet
report-reason-harmful = Het is schadelijk, of geen dienst voor psychische hulp
report-reason-other = Iets anders
report-channel = Over welk contact gaat het? (optioneel)
report-channel_none = Geen bepaald contact
report-detail = Wat heb je gemerkt? (optioneel; nodig bij ‘Iets anders’)
report-detail_hint = Maximaal { $max } tekens. Zet er liever geen gegevens over je gezondheid in.
report-submit = Melding versturen
suggest-link = Ken je een dienst die ontbreekt? Stel hem voor
suggest-title = Een dienst voorstellen: { $country }
suggest-heading = Een dienst voorstellen: { $country }
suggest-intro = Vertel ons over psychische hulp die hier nog niet staat. De redactie controleert elk voorstel met de eigen informatie van de dienst voordat het gepubliceerd wordt. Je hebt geen account nodig en we bewaren alleen wat je hier typt.
suggest-name = Naam van de dienst
suggest-kind = Soort hulp
suggest-kind_unknown = Weet ik niet
suggest-reach = Zo bereik je het
suggest-reach_hint = Telefoonnummers, website, chat of adres: alles wat je weet.
suggest-who = Voor wie het is (optioneel)
suggest-place = Waar (optioneel): een plaats, een regio of het hele land
suggest-source = Een link naar de eigen pagina van de dienst (optioneel)
suggest-submit = Voorstel versturen
feedback-contact = Je e-mailadres (optioneel)
feedback-contact_hint = Alleen als je een antwoord wilt. Alleen de redactie ziet het en het wordt nergens anders voor gebruikt.
feedback-honeypot = Laat dit leeg
feedback-not_sent = Nog niet verstuurd: controleer
feedback-kept = Alles wat je hebt getypt staat nog in het formulier hieronder.
feedback-trap = Het veld ‘Laat dit leeg’ was ingevuld, zoals automatische spam doet. Maak het leeg en verstuur het formulier opnieuw.
feedback-too_fast = Het formulier kwam binnen { $seconds } seconden na het openen terug, zoals automatische spam doet. Controleer het en verstuur het opnieuw.
feedback-expired = Dit formulier stond langer dan een dag open of komt niet van ons. Controleer het en verstuur het opnieuw.
feedback-field-reason = Wat er niet klopt
feedback-field-channel = Welk contact
feedback-field-detail = Wat je hebt gemerkt
feedback-field-contact = E-mailadres
feedback-field-name = Naam
feedback-field-kind = Soort hulp
feedback-field-reach = Bereikbaarheid
feedback-field-who = Voor wie
feedback-field-place = Waar
feedback-field-source_url = Link naar de bron
feedback-back_to = Terug naar { $name }
feedback-limited-title = Te veel formulieren verstuurd
feedback-limited-detail = Vanaf deze verbinding zijn in korte tijd veel formulieren verstuurd, daarom is dit formulier niet aangenomen. Probeer het over { $minutes } minuten opnieuw. Heb je nu hulp nodig, dan staan de nummers hierboven altijd voor je klaar.
feedback-sent-report = Bedankt: je melding is verstuurd
feedback-sent-suggestion = Bedankt: je voorstel is verstuurd
feedback-sent-report_next = Een redacteur vergelijkt de vermelding met de eigen informatie van de dienst en verbetert haar, meestal binnen een paar dagen. Meldingen dat een crisislijn niet opneemt of gestopt is, bekijken we als eerste. We antwoorden alleen als je een e-mailadres hebt opgegeven.
feedback-sent-suggestion_next = Een redacteur controleert de dienst met zijn eigen informatie voordat hij wordt opgenomen, meestal binnen een paar weken. We antwoorden alleen als je een e-mailadres hebt opgegeven.
feedback-sent-need_help = Als je nu met iemand wilt praten
feedback-sent-open_now = Deze crisislijnen zijn nu open:
feedback-sent-none_open = We kennen op dit moment geen open crisislijn.
feedback-sent-all_lines = Alle hulplijnen bekijken

service-from_feed = Van { $feed },
service-feed_updated = bijgewerkt op { $date }.
service-feed_licence = Licentie: { $licence }.
error-busy-title = Te veel zoekopdrachten tegelijk
error-busy-detail = Deze zoekopdracht kon nu niet worden uitgevoerd omdat veel mensen tegelijk zoeken. Probeer het over een paar seconden opnieuw. Heb je nu hulp nodig, bel dan het alarmnummer hierboven.
error-busy-country = Bekijk de hulplijnen en alarmnummers van dit land
results-call = Bel { $number }
results-text = Sms naar { $number }
results-no_match = Niets gevonden voor ‘{ $query }’ in { $place }.
results-general_support = Deze lijnen luisteren naar iedereen die wil praten, waar het ook over gaat:
text-in_language = (in het { $language })
articles-other_languages = Dit artikel in het:
