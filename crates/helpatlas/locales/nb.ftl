# Meldingskatalog på norsk bokmål. De samme ID-ene som en.ftl.

site-name = Help Atlas
site-description = Finn hjelp for psykisk helse der du bor: hjelpetelefoner, nettbasert behandling, tjenester, grupper og fellesskap.

nav-skip = Gå til innholdet

exit-label = Rask utgang

footer-privacy = Dette nettstedet bruker ingen informasjonskapsler eller sporing og lagrer ikke hva du søker etter.
footer-exit_hint = Rask utgang: knappen øverst tar deg bort fra nettstedet med en gang. Med JavaScript på gjør Escape-tasten det samme.
footer-data = Katalogdataene er åpne, og hver oppføring oppgir kilden sin. Nødnumre kan endre seg: Er du i tvil, er det lokale nødnummeret 112 i det meste av Europa og 911 i Nord-Amerika.

crisis-label = Akutt hjelp
crisis-danger = Er du i fare nå?
crisis-call = Ring
crisis-international = Er du i fare nå? Ring det lokale nødnummeret: 112 virker i det meste av Europa og på mange mobilnett, 911 i Nord-Amerika, 999 i Storbritannia, 000 i Australia.
crisis-talk = Trenger du å snakke med noen nå?
crisis-choose_country = Velg landet ditt for å se nødnumre og krisetelefoner der

home-heading = Finn hjelp for psykisk helse der du bor
home-intro = Velg landet ditt for å se nødnumre, hjelpetelefoner og chatter, nettbasert behandling, psykiske helsetjenester, støttegrupper og nettfellesskap du kan bruke derfra.
home-country_label = Landet ditt
home-country_placeholder = Velg et land
home-country_submit = Vis hjelp
home-kinds_heading = Fem typer hjelp

country-heading = Hjelp for psykisk helse: { $country }
country-none_yet = Ingenting er oppført for { $country } ennå.
country-only_in = Bare i: { $areas }

emergency-heading = Nødnumre
emergency-general = Nødnummer
emergency-police = Politi
emergency-ambulance = Ambulanse
emergency-fire = Brann
emergency-unknown_call = fant ikke eget nummer; ring { $number }
emergency-not_known = ukjent
emergency-official_source = Offisiell kilde
emergency-secondary_source = Kilde (ikke en offisiell side)
emergency-more_sources = Flere kilder:
emergency-confirmed = bekreftet { $date }
emergency-unconfirmed_secondary = Ikke bekreftet: Vi fant ingen offisiell side med disse numrene.
emergency-unconfirmed_undated = Ikke bekreftet: Den offisielle siden har ingen dato.
emergency-unconfirmed_old = Ikke bekreftet: Den offisielle siden er fra { $date }.
emergency-unknown = Vi har ikke nødnummeret til dette landet. Er du i fare, ring det lokale nødnummeret eller dra til nærmeste sykehus.

source-label = Kilde:
source-link = kilde
source-checked = sjekket { $date }

service-run_by = Drevet av
service-contact = Slik når du dem
service-open_now = Åpent nå
service-not_open_now = Ikke åpent akkurat nå
service-timezone = Tidene er lokal tid i { $zone }.
service-open_alternatives = Åpent nå i stedet
service-who = Hvem kan bruke det
service-areas = Hvor
service-eligibility = Vilkår
service-eligibility_note = Greit å vite
service-cost = Pris
service-languages = Språk
service-topics = Hjelper med
service-audiences = For
service-website = Nettsted
service-verified = Sjekket mot organisasjonens egen side { $date }.
service-source_date = (siden er datert { $date })
service-unverified = Fra en liste laget av andre, sjekket { $date }; ennå ikke bekreftet av organisasjonen.
service-stale = Denne oppføringen er ikke sjekket mot kilden på over 12 måneder: Ring eller se på nettstedet før du stoler på åpningstidene.

channel-open = åpent nå
channel-closed = stengt nå
channel-hours_unknown = åpningstider ikke oppgitt

hours-always = døgnåpent, alle dager
hours-closed = stengt

day-every = Alle dager

area-world = Hele verden
area-radius = Innenfor { $km } km

eligibility-residents = For innbyggere i { $areas }
eligibility-min_age = fra { $age } år
eligibility-max_age = til og med { $age } år

error-not_found-title = Fant ikke siden
error-not_found-detail = Vi fant ikke den siden. Den akutte hjelpen øverst er der fortsatt for deg.
error-bad_request-title = Vi forsto ikke forespørselen
error-server-title = Noe gikk galt
error-server-detail = Noe gikk galt hos oss. Trenger du hjelp nå, ring det lokale nødnummeret.
error-go_home = Gå til forsiden
error-unknown_interface_language = «{ $value }» er ikke et språk dette nettstedet er skrevet på. Tilgjengelig: { $valid }.
error-unknown_country = «{ $code }» er ikke et land vi kjenner. Velg et land fra listen.

kind-online-therapy = Behandling på nett
kind-in-person = Tjenester der du møter opp
kind-support-groups = Støttegrupper
kind-helplines = Hjelpetelefoner og chat
kind-communities = Nettfellesskap

kind-intro-online-therapy = Behandling hos fagperson på video eller telefon, og nettprogrammer med veiledning fra terapeut (digital KAT).
kind-intro-in-person = Psykiske helsetjenester du oppsøker: poliklinikker, kommunale tjenester, legevakt og akuttmottak.
kind-intro-support-groups = Grupper av mennesker med lignende erfaringer som møtes, fysisk eller på nett, for å støtte hverandre.
kind-intro-helplines = Telefon-, SMS- og chattetjenester der et menneske lytter, også krisetelefoner, gratis og uten timeavtale.
kind-intro-communities = Nettforum og fellesskap der folk støtter hverandre, noen moderert av fagfolk.

topic-suicidal-thoughts = Selvmordstanker
topic-self-harm = Selvskading
topic-anxiety = Angst
topic-panic = Panikk
topic-social-anxiety = Sosial angst
topic-generalised-anxiety = Generalisert angst
topic-phobias = Fobier
topic-depression = Depresjon
topic-ptsd-trauma = PTSD og traumer
topic-insomnia = Søvnproblemer
topic-ocd = Tvangslidelse (OCD)
topic-eating-disorders = Spiseforstyrrelser
topic-bipolar = Bipolar lidelse
topic-psychosis = Psykose
topic-adhd = ADHD og konsentrasjon
topic-substance-use = Rusmidler
topic-alcohol = Alkohol
topic-gambling = Pengespill
topic-grief = Sorg og tap
topic-loneliness = Ensomhet
topic-stress = Stress og press
topic-relationships = Parforhold
topic-family = Familie
topic-abuse-violence = Overgrep og vold
topic-sexual-violence = Seksuell vold
topic-bullying = Mobbing
topic-gender-sexuality = Kjønn og seksualitet
topic-perinatal-parenting = Graviditet og foreldreskap
topic-physical-illness = Å leve med sykdom
topic-money-worries = Pengebekymringer
topic-work-study = Jobb og studier

audience-children = Barn
audience-young-people = Unge
audience-students = Studenter
audience-adults = Voksne
audience-older-people = Eldre
audience-men = Menn
audience-women = Kvinner
audience-lgbtq = Skeive (LHBTIQ+)
audience-veterans = Veteraner
audience-parents = Foreldre
audience-carers = Pårørende
audience-indigenous = Urfolk
audience-migrants-refugees = Innvandrere og flyktninger
audience-deaf-hard-of-hearing = Døve og hørselshemmede
audience-health-workers = Helsepersonell

channel-phone = Telefon
channel-sms = SMS-melding
channel-chat = Chatt
channel-video = Videosamtale
channel-email = E-post
channel-messaging = Meldingsapp
channel-app = Mobilapp
channel-web-program = Nettsted
channel-in-person = Personlig oppmøte

cost-free = Gratis
cost-public-coverage = Dekket av det offentlige helsevesenet
cost-low-cost = Rimelig
cost-sliding-scale = Pris etter inntekt
cost-private-insurance = Privat helseforsikring
cost-paid = Betalt

referral-none = ingen henvisning nødvendig
referral-self-referral = du kan ta kontakt selv
referral-gp = henvisning fra fastlegen nødvendig
referral-any-doctor = henvisning fra lege nødvendig

nav-articles = Om de ulike typene hjelp
nav-language = Språk
nav-languages = Les denne siden på
country-search_label = Søk etter hjelp her
country-search_submit = Søk
country-place_label = Stedet eller regionen din
country-place_submit = Finn
country-see_all = Se alle { $n }
error-unknown_city = Den byen kjenner vi ikke i { $country }. Velg stedet ditt på nytt.
error-unknown_region = Den regionen kjenner vi ikke i { $country }. Velg stedet ditt på nytt.

results-heading-online-therapy = Behandling på nett for { $place }
results-heading-in-person = Tjenester nær { $place }
results-heading-support-groups = Støttegrupper i { $place }
results-heading-helplines = Hjelpetelefoner og chat for { $place }
results-heading-communities = Nettfellesskap for { $place }
results-heading-search = Søk etter hjelp i { $place }
results-article-online-therapy = Virker behandling på nett?
results-article-in-person = Om tjenester der du møter opp
results-article-support-groups = Hjelper støttegrupper?
results-article-helplines = Hva skjer når du ringer en hjelpetelefon?
results-article-communities = Om nettfellesskap
results-change_place = Bytt sted
results-crisis_heading = Hvis du tenker på selvmord eller på å skade deg selv
results-search_label = Søk
results-filters = Filtre
results-apply = Vis resultater
results-clear = Fjern filtre
results-count = { $n ->
    [one] { $n } treff
   *[other] { $n } treff
}
results-none = Ingenting passer med disse filtrene for { $place }.
results-other_kinds = Andre typer hjelp som finnes her:
results-by_kind = Etter type hjelp:
results-open_now = Åpent nå
results-distance = { $km } km unna
results-pages = Sider
results-prev = Forrige side
results-next = Neste side
results-page_of = Side { $page }

filter-when = Når
filter-open_now = Åpent nå
filter-always_open = Døgnåpent
filter-topic = Hjelper med
filter-channel = Kontakt via
filter-cost = Pris
filter-audience = For
filter-by = Gitt av
filter-lang = Språk

by-professionals = Fagfolk
by-trained-volunteers = Opplærte frivillige
by-peers = Likepersoner

places-title = Velg stedet ditt
places-hint = Skriv navnet på tettstedet, byen eller regionen din.
places-none = Fant ikke noe sted som heter «{ $query }». Prøv en annen skrivemåte eller en større by i nærheten.
places-use_location = Bruk posisjonen min

articles-title = Om de ulike typene hjelp
articles-updated = Oppdatert { $date }

lang-asl = amerikansk tegnspråk
lang-bsl = britisk tegnspråk

error-address_too_long = Adressen er for lang (over { $max } tegn).
error-too_many_values = For mange verdier for «{ $param }».
error-bad_number = «{ $value }» er ikke en gyldig verdi for «{ $param }».
error-query_too_long = Søketeksten er lengre enn { $value } tegn.
error-bad_language = «{ $value }» er ikke en språkkode (som en eller nb).
error-bad_page = Sidetallet må være mellom 1 og { $value }.
error-unknown_code = «{ $value }» er ikke en { $vocabulary } vi kjenner. Gyldige verdier: { $valid }.
vocabulary-kind = type hjelp
vocabulary-topic = tema
vocabulary-audience = målgruppe
vocabulary-channel = kanal
vocabulary-cost = pris
vocabulary-delivered-by = type tilbyder
vocabulary-form = skjema
vocabulary-moderation = moderering
vocabulary-referral = henvisning
vocabulary-status = tilstand
error-place_too_long = Stedsnavnet er lengre enn { $max } tegn.
error-bad_coordinates = «lat» må være et tall fra -90 til 90 og «lon» et tall fra -180 til 180.
places-none_near = Vi kjenner ingen by i nærheten av det punktet.
filter-you = Om deg
filter-age = Alderen din
filter-resident = Jeg bor i { $place }

report-link = Meld fra om en feil i denne oppføringen
report-title = Meld fra om en feil: { $name }
report-heading = Meld fra om en feil ved { $name }
report-intro = Fortell oss hva som er feil, så sjekker en redaktør det mot tjenestens egen informasjon. Du trenger ingen konto. Vi tar bare vare på det du skriver her: ingenting om deg eller enheten din.
report-reason = Hva er feil?
report-reason-number-does-not-work = Et nummer eller en lenke virker ikke
report-reason-closed = Tjenesten er lagt ned
report-reason-wrong-hours = Åpningstidene er feil
report-reason-wrong-address = Adressen er feil
report-reason-harmful = Den er skadelig, eller ikke en tjeneste for psykisk helse
report-reason-other = Noe annet
report-channel = Hvilken kontaktmåte gjelder det? (valgfritt)
report-channel_none = Ingen bestemt
report-detail = Hva fant du? (valgfritt; må fylles ut ved «Noe annet»)
report-detail_hint = Opptil { $max } tegn. Ikke skriv noe om helsen din.
report-submit = Send melding
suggest-link = Kjenner du en tjeneste vi mangler? Foreslå den
suggest-title = Foreslå en tjeneste: { $country }
suggest-heading = Foreslå en tjeneste: { $country }
suggest-intro = Fortell oss om hjelp for psykisk helse som ikke er oppført ennå. En redaktør sjekker hvert forslag mot tjenestens egen informasjon før det publiseres. Du trenger ingen konto, og vi tar bare vare på det du skriver her.
suggest-name = Navnet på tjenesten
suggest-kind = Type hjelp
suggest-kind_unknown = Vet ikke
suggest-reach = Slik når man dem
suggest-reach_hint = Telefonnumre, nettsted, chat eller adresse: så mye du vet.
suggest-who = Hvem den hjelper (valgfritt)
suggest-place = Hvor (valgfritt): et sted, en region eller hele landet
suggest-source = En lenke til tjenestens egen side (valgfritt)
suggest-submit = Send forslag
feedback-contact = E-postadressen din (valgfritt)
feedback-contact_hint = Bare hvis du vil ha svar. Bare redaktørene ser den, og den brukes ikke til noe annet.
feedback-honeypot = La dette feltet stå tomt
feedback-not_sent = Ikke sendt ennå: Sjekk
feedback-kept = Alt du skrev, står fortsatt i skjemaet nedenfor.
feedback-trap = Feltet «La dette feltet stå tomt» var fylt ut, slik automatisk spam gjør. Tøm det og send skjemaet på nytt.
feedback-too_fast = Skjemaet kom tilbake mindre enn { $seconds } sekunder etter at det ble åpnet, slik automatisk spam gjør. Sjekk det og send det på nytt.
feedback-expired = Dette skjemaet var åpent i mer enn et døgn eller kommer ikke fra oss. Sjekk det og send det på nytt.
feedback-field-reason = Hva som er feil
feedback-field-channel = Hvilken kontaktmåte
feedback-field-detail = Hva du fant
feedback-field-contact = E-postadresse
feedback-field-name = Navn
feedback-field-kind = Type hjelp
feedback-field-reach = Kontaktinformasjon
feedback-field-who = Hvem den hjelper
feedback-field-place = Hvor
feedback-field-source_url = Lenke
feedback-back_to = Tilbake til { $name }
feedback-limited-title = For mange skjemaer sendt
feedback-limited-detail = Det er sendt mange skjemaer fra denne tilkoblingen på kort tid, så dette ble ikke tatt imot. Prøv igjen om { $minutes } minutter. Trenger du hjelp nå, står numrene øverst der hele tiden.
feedback-sent-report = Takk! Meldingen din er sendt
feedback-sent-suggestion = Takk! Forslaget ditt er sendt
feedback-sent-report_next = En redaktør sjekker oppføringen mot tjenestens egen informasjon og retter den, vanligvis i løpet av noen dager. Meldinger om at en krisetelefon ikke svarer eller er lagt ned, sjekkes først. Vi svarer bare hvis du har oppgitt en e-postadresse.
feedback-sent-suggestion_next = En redaktør sjekker tjenesten mot dens egen informasjon før den blir oppført, vanligvis i løpet av noen uker. Vi svarer bare hvis du har oppgitt en e-postadresse.
feedback-sent-need_help = Hvis du trenger å snakke med noen nå
feedback-sent-open_now = Disse krisetelefonene er åpne nå:
feedback-sent-none_open = Vi kjenner ingen krisetelefon som er åpen akkurat nå.
feedback-sent-all_lines = Se alle hjelpetelefoner

service-from_feed = Fra { $feed },
service-feed_updated = oppdatert { $date }.
service-feed_licence = Lisens: { $licence }.
error-busy-title = For mange søk samtidig
error-busy-detail = Dette søket kunne ikke gjøres akkurat nå fordi mange søker samtidig. Prøv igjen om noen sekunder. Trenger du hjelp nå, ring nødnummeret over.
error-busy-country = Se hjelpetelefonene og nødnumrene i dette landet
results-call = Ring { $number }
results-text = Send SMS til { $number }
results-no_match = Ingen treff for «{ $query }» i { $place }.
results-general_support = Disse telefonene lytter til alle som trenger å snakke, uansett hva det gjelder:
text-in_language = (på { $language })
articles-other_languages = Denne artikkelen på:
