# Svensk meddelandekatalog. Samma id:n som en.ftl.

site-name = Help Atlas
site-description = Hitta stöd för psykisk hälsa där du bor: stödlinjer, internetbehandling, vårdtjänster, grupper och gemenskaper.

nav-skip = Hoppa till innehållet

exit-label = Lämna snabbt

footer-privacy = Den här webbplatsen använder inga kakor eller spårare och sparar inte vad du söker efter.
footer-exit_hint = Lämna snabbt: knappen högst upp lämnar webbplatsen direkt. Med JavaScript påslaget gör Esc-tangenten samma sak.
footer-data = Katalogens data är öppna och varje post anger sin källa. Larmnummer kan ändras: om du är osäker är det lokala larmnumret 112 i större delen av Europa och 911 i Nordamerika.

crisis-label = Akut hjälp
crisis-danger = Är du i fara just nu?
crisis-call = Ring
crisis-international = Är du i fara just nu? Ring det lokala larmnumret: 112 fungerar i större delen av Europa och i många mobilnät, 911 i Nordamerika, 999 i Storbritannien och 000 i Australien.
crisis-talk = Behöver du prata med någon nu?
crisis-choose_country = Välj ditt land för att se dess larmnummer och stödlinjer vid kris

home-heading = Hitta stöd för psykisk hälsa där du bor
home-intro = Välj ditt land för att se larmnummer, stödlinjer och chattar, internetbehandling, psykiatriska vårdtjänster, stödgrupper och nätgemenskaper som du kan använda därifrån.
home-country_label = Ditt land
home-country_placeholder = Välj ett land
home-country_submit = Visa stöd
home-kinds_heading = Fem sorters stöd

country-heading = Stöd för psykisk hälsa: { $country }
country-none_yet = Inget listat för { $country } ännu.
country-only_in = Bara i: { $areas }

emergency-heading = Larmnummer
emergency-general = Larm
emergency-police = Polis
emergency-ambulance = Ambulans
emergency-fire = Räddningstjänst
emergency-unknown_call = inget eget nummer hittades; ring { $number }
emergency-not_known = okänt
emergency-official_source = Officiell källa
emergency-secondary_source = Källa (inte en officiell sida)
emergency-more_sources = Fler källor:
emergency-confirmed = bekräftat { $date }
emergency-unconfirmed_secondary = Obekräftat: vi hittade ingen officiell sida med de här numren.
emergency-unconfirmed_undated = Obekräftat: den officiella sidan saknar datum.
emergency-unconfirmed_old = Obekräftat: den officiella sidan är från { $date }.
emergency-unknown = Vi har inte landets larmnummer. Om du är i fara, ring det lokala larmnumret eller åk till närmaste sjukhus.

source-label = Källa:
source-link = källa
source-checked = kontrollerat { $date }

service-run_by = Drivs av
service-contact = Så når du dem
service-open_now = Öppet nu
service-not_open_now = Inte öppet just nu
service-timezone = Tiderna är lokal tid i { $zone }.
service-open_alternatives = Öppet nu i stället
service-who = Vem kan använda det
service-areas = Var
service-eligibility = Villkor
service-eligibility_note = Bra att veta
service-cost = Kostnad
service-languages = Språk
service-topics = Hjälper vid
service-audiences = För
service-website = Webbplats
service-verified = Kontrollerat mot organisationens egen sida { $date }.
service-source_date = (sidan är daterad { $date })
service-unverified = Från en lista av någon annan, kontrollerat { $date }; ännu inte bekräftat av organisationen.
service-stale = Den här posten har inte jämförts med sin källa på över 12 månader: ring eller titta på webbplatsen innan du litar på öppettiderna.

channel-open = öppet nu
channel-closed = stängt nu
channel-hours_unknown = öppettider inte publicerade

hours-always = dygnet runt, alla dagar
hours-closed = stängt

day-every = Alla dagar

area-world = Hela världen
area-radius = Inom { $km } km

eligibility-residents = För invånare i { $areas }
eligibility-min_age = från { $age } år
eligibility-max_age = upp till { $age } år

error-not_found-title = Sidan hittades inte
error-not_found-detail = Vi hittade inte den sidan. Den akuta hjälpen ovan finns kvar för dig.
error-bad_request-title = Vi förstod inte begäran
error-server-title = Något gick fel
error-server-detail = Något gick fel hos oss. Om du behöver hjälp nu, ring det lokala larmnumret.
error-go_home = Till startsidan
error-unknown_interface_language = ”{ $value }” är inte ett språk som webbplatsen är skriven på. Tillgängliga: { $valid }.
error-unknown_country = ”{ $code }” är inte ett land vi känner till. Välj ett land i listan.

kind-online-therapy = Internetbehandling
kind-in-person = Vård på plats
kind-support-groups = Stödgrupper
kind-helplines = Stödlinjer och chattar
kind-communities = Nätgemenskaper

kind-intro-online-therapy = Terapi med en behandlare via video eller telefon, och internetprogram med stöd av terapeut (internet-KBT).
kind-intro-in-person = Psykiatrisk vård som du besöker: mottagningar, öppenvårdsteam, jourverksamhet och akutvård.
kind-intro-support-groups = Grupper av människor med liknande erfarenheter som träffas, på plats eller på nätet, för att stötta varandra.
kind-intro-helplines = Telefon-, sms- och chattlinjer där en människa lyssnar, även stödlinjer vid kris, gratis och utan tidsbokning.
kind-intro-communities = Forum och gemenskaper på nätet där människor stöttar varandra, en del modererade av yrkesfolk.

topic-suicidal-thoughts = Självmordstankar
topic-self-harm = Självskada
topic-anxiety = Ångest
topic-panic = Panik
topic-social-anxiety = Social ångest
topic-generalised-anxiety = Generaliserad ångest
topic-phobias = Fobier
topic-depression = Depression och nedstämdhet
topic-ptsd-trauma = PTSD och trauma
topic-insomnia = Sömnproblem
topic-ocd = Tvångssyndrom
topic-eating-disorders = Ätstörningar
topic-bipolar = Bipolär sjukdom
topic-psychosis = Psykos
topic-adhd = ADHD och koncentration
topic-substance-use = Droger och beroende
topic-alcohol = Alkohol
topic-gambling = Spel om pengar
topic-grief = Sorg och förlust
topic-loneliness = Ensamhet
topic-stress = Stress och press
topic-relationships = Relationer
topic-family = Familj
topic-abuse-violence = Övergrepp och våld
topic-sexual-violence = Sexuellt våld
topic-bullying = Mobbning
topic-gender-sexuality = Kön och sexualitet
topic-perinatal-parenting = Graviditet och föräldraskap
topic-physical-illness = Att leva med sjukdom
topic-money-worries = Pengaoro
topic-work-study = Arbete och studier

audience-children = Barn
audience-young-people = Unga
audience-students = Studenter
audience-adults = Vuxna
audience-older-people = Äldre
audience-men = Män
audience-women = Kvinnor
audience-lgbtq = Hbtqi-personer
audience-veterans = Veteraner
audience-parents = Föräldrar
audience-carers = Anhöriga
audience-indigenous = Urfolk
audience-migrants-refugees = Migranter och flyktingar
audience-deaf-hard-of-hearing = Döva och hörselskadade
audience-health-workers = Vårdpersonal

channel-phone = Telefon
channel-sms = Sms
channel-chat = Chatt
channel-video = Videosamtal
channel-email = E-post
channel-messaging = Meddelandeapp
channel-app = Mobilapp
channel-web-program = Webbplats
channel-in-person = Besök på plats

cost-free = Gratis
cost-public-coverage = Ingår i den offentliga vården
cost-low-cost = Låg kostnad
cost-sliding-scale = Avgift efter inkomst
cost-private-insurance = Privat sjukvårdsförsäkring
cost-paid = Avgiftsbelagt

referral-none = ingen remiss behövs
referral-self-referral = du kan söka själv
referral-gp = remiss från vårdcentralen behövs
referral-any-doctor = läkarremiss behövs

nav-articles = Om de olika sorterna av stöd
nav-language = Språk
nav-languages = Läs den här sidan på
country-search_label = Sök stöd här
country-search_submit = Sök
country-place_label = Din ort eller region
country-place_submit = Hitta
country-see_all = Visa alla { $n }
error-unknown_city = Den staden känner vi inte till i { $country }. Välj din ort igen.
error-unknown_region = Den regionen känner vi inte till i { $country }. Välj din ort igen.

results-heading-online-therapy = Internetbehandling för { $place }
results-heading-in-person = Vård på plats nära { $place }
results-heading-support-groups = Stödgrupper i { $place }
results-heading-helplines = Stödlinjer och chattar för { $place }
results-heading-communities = Nätgemenskaper för { $place }
results-heading-search = Sök stöd i { $place }
results-article-online-therapy = Fungerar internetbehandling?
results-article-in-person = Om vård på plats
results-article-support-groups = Hjälper stödgrupper?
results-article-helplines = Vad händer när du ringer en stödlinje?
results-article-communities = Om nätgemenskaper
results-change_place = Byt ort
results-crisis_heading = Om du tänker på självmord eller på att skada dig själv
results-search_label = Sök
results-filters = Filter
results-apply = Visa resultat
results-clear = Rensa filter
results-count = { $n ->
    [one] { $n } träff
   *[other] { $n } träffar
}
results-none = Inget matchar de här filtren för { $place }.
results-other_kinds = Andra sorters stöd som finns här:
results-by_kind = Efter sorts stöd:
results-open_now = Öppet nu
results-distance = { $km } km bort
results-pages = Sidor
results-prev = Föregående sida
results-next = Nästa sida
results-page_of = Sida { $page }

filter-when = När
filter-open_now = Öppet nu
filter-always_open = Öppet dygnet runt
filter-topic = Hjälper vid
filter-channel = Nås via
filter-cost = Kostnad
filter-audience = För
filter-by = Ges av
filter-lang = Språk

by-professionals = Yrkesfolk
by-trained-volunteers = Utbildade volontärer
by-peers = Personer med egen erfarenhet

places-title = Välj din ort
places-hint = Skriv namnet på din ort, stad eller region.
places-none = Ingen ort som heter ”{ $query }” hittades. Prova en annan stavning eller en större stad i närheten.
places-use_location = Använd min position

articles-title = Om de olika sorterna av stöd
articles-updated = Uppdaterad { $date }

lang-asl = amerikanskt teckenspråk
lang-bsl = brittiskt teckenspråk

error-address_too_long = Adressen är för lång (över { $max } tecken).
error-too_many_values = För många värden för ”{ $param }”.
error-bad_number = ”{ $value }” är inte ett giltigt värde för ”{ $param }”.
error-query_too_long = Söktexten är längre än { $value } tecken.
error-bad_language = ”{ $value }” är inte en språkkod (som en eller nb).
error-bad_page = Sidnumret måste vara mellan 1 och { $value }.
error-unknown_code = ”{ $value }” är inget värde vi känner till för { $vocabulary }. Giltiga värden: { $valid }.
vocabulary-kind = sorts stöd
vocabulary-topic = ämne
vocabulary-audience = målgrupp
vocabulary-channel = kanal
vocabulary-cost = kostnad
vocabulary-delivered-by = typ av utförare
vocabulary-form = formulär
vocabulary-moderation = moderering
vocabulary-referral = remiss
vocabulary-status = läge
error-place_too_long = Ortnamnet är längre än { $max } tecken.
error-bad_coordinates = ”lat” måste vara ett tal från -90 till 90 och ”lon” ett tal från -180 till 180.
places-none_near = Vi känner inte till någon stad nära den punkten.
filter-you = Om dig
filter-age = Din ålder
filter-resident = Jag bor i { $place }

report-link = Rapportera ett fel i den här posten
report-title = Rapportera ett fel: { $name }
report-heading = Rapportera ett fel hos { $name }
report-intro = Berätta vad som är fel så kontrollerar en redaktör det mot tjänstens egen information. Du behöver inget konto. Vi sparar bara det du skriver här: inget om dig eller din enhet.
report-reason = Vad är fel?
report-reason-number-does-not-work = Ett nummer eller en länk fungerar inte
report-reason-closed = Tjänsten har lagts ned
report-reason-wrong-hours = Öppettiderna är fel
report-reason-wrong-address = Adressen är fel
report-reason-harmful = Den är skadlig, eller inte en tjänst för psykisk hälsa
report-reason-other = Något annat
report-channel = Vilken kontaktväg gäller det? (valfritt)
report-channel_none = Ingen särskild
report-detail = Vad upptäckte du? (valfritt; behövs för ”Något annat”)
report-detail_hint = Högst { $max } tecken. Skriv helst inget om din hälsa.
report-submit = Skicka rapport
suggest-link = Känner du till en tjänst som saknas? Föreslå den
suggest-title = Föreslå en tjänst: { $country }
suggest-heading = Föreslå en tjänst: { $country }
suggest-intro = Berätta om stöd för psykisk hälsa som inte finns med ännu. En redaktör kontrollerar varje förslag mot tjänstens egen information innan det publiceras. Du behöver inget konto, och vi sparar bara det du skriver här.
suggest-name = Tjänstens namn
suggest-kind = Sorts stöd
suggest-kind_unknown = Vet inte
suggest-reach = Så når man dem
suggest-reach_hint = Telefonnummer, webbplats, chatt eller adress: så mycket du vet.
suggest-who = Vem den hjälper (valfritt)
suggest-place = Var (valfritt): en ort, en region eller hela landet
suggest-source = En länk till tjänstens egen sida (valfritt)
suggest-submit = Skicka förslag
feedback-contact = Din e-postadress (valfritt)
feedback-contact_hint = Bara om du vill ha svar. Den syns bara för redaktörerna och används inte till något annat.
feedback-honeypot = Lämna det här tomt
feedback-not_sent = Inte skickat än: kontrollera
feedback-kept = Allt du skrev finns kvar i formuläret nedan.
feedback-trap = Fältet ”Lämna det här tomt” var ifyllt, vilket automatisk skräppost gör. Töm det och skicka formuläret igen.
feedback-too_fast = Formuläret kom tillbaka mindre än { $seconds } sekunder efter att det öppnades, vilket automatisk skräppost gör. Kontrollera det och skicka igen.
feedback-expired = Formuläret var öppet i mer än ett dygn eller kommer inte från oss. Kontrollera det och skicka igen.
feedback-field-reason = Vad som är fel
feedback-field-channel = Vilken kontaktväg
feedback-field-detail = Vad du upptäckte
feedback-field-contact = E-postadress
feedback-field-name = Namn
feedback-field-kind = Sorts stöd
feedback-field-reach = Kontaktuppgifter
feedback-field-who = Vem den hjälper
feedback-field-place = Var
feedback-field-source_url = Länk
feedback-back_to = Tillbaka till { $name }
feedback-limited-title = För många formulär skickade
feedback-limited-detail = Många formulär har skickats från den här anslutningen på kort tid, så det här togs inte emot. Försök igen om { $minutes } minuter. Om du behöver hjälp nu finns numren ovan alltid kvar.
feedback-sent-report = Tack! Din rapport har skickats
feedback-sent-suggestion = Tack! Ditt förslag har skickats
feedback-sent-report_next = En redaktör jämför posten med tjänstens egen information och rättar den, oftast inom några dagar. Rapporter om att en stödlinje vid kris inte svarar eller har lagts ned kontrolleras först. Vi svarar bara om du har angett en e-postadress.
feedback-sent-suggestion_next = En redaktör kontrollerar tjänsten mot dess egen information innan den läggs till, oftast inom några veckor. Vi svarar bara om du har angett en e-postadress.
feedback-sent-need_help = Om du behöver prata med någon nu
feedback-sent-open_now = De här stödlinjerna vid kris är öppna nu:
feedback-sent-none_open = Vi känner inte till någon stödlinje vid kris som är öppen just nu.
feedback-sent-all_lines = Se alla stödlinjer

service-from_feed = Från { $feed },
service-feed_updated = uppdaterad { $date }.
service-feed_licence = Licens: { $licence }.
error-busy-title = För många sökningar samtidigt
error-busy-detail = Sökningen gick inte att göra just nu eftersom många söker samtidigt. Försök igen om några sekunder. Behöver du hjälp nu, ring larmnumret ovan.
error-busy-country = Se stödlinjerna och larmnumren i det här landet
results-call = Ring { $number }
results-text = Sms:a { $number }
results-no_match = Inga träffar för ”{ $query }” i { $place }.
results-general_support = De här linjerna lyssnar på alla som behöver prata, oavsett vad det gäller:
text-in_language = (på { $language })
articles-other_languages = Den här artikeln på:
