# Polski katalog komunikatów. Te same identyfikatory co en.ftl.

site-name = Help Atlas
site-description = Znajdź pomoc w zakresie zdrowia psychicznego tam, gdzie mieszkasz: telefony zaufania, terapia online, placówki, grupy i społeczności.

nav-skip = Przejdź do treści

exit-label = Szybkie wyjście

footer-privacy = Ta strona nie używa plików cookie ani narzędzi śledzących i nie zapisuje tego, czego szukasz.
footer-exit_hint = Szybkie wyjście: przycisk na górze natychmiast opuszcza tę stronę. Przy włączonym JavaScripcie to samo robi klawisz Esc.
footer-data = Dane katalogu są otwarte, a każdy wpis podaje swoje źródło. Numery alarmowe mogą się zmieniać: w razie wątpliwości lokalny numer alarmowy to 112 w większości Europy i 911 w Ameryce Północnej.

crisis-label = Pilna pomoc
crisis-danger = Grozi Ci teraz niebezpieczeństwo?
crisis-call = Zadzwoń:
crisis-international = Grozi Ci teraz niebezpieczeństwo? Zadzwoń pod lokalny numer alarmowy: 112 działa w większości Europy i w wielu sieciach komórkowych, 911 w Ameryce Północnej, 999 w Wielkiej Brytanii, 000 w Australii.
crisis-talk = Potrzebujesz teraz z kimś porozmawiać?
crisis-choose_country = Wybierz swój kraj, aby zobaczyć jego numery alarmowe i telefony kryzysowe

home-heading = Znajdź pomoc w zakresie zdrowia psychicznego tam, gdzie mieszkasz
home-intro = Wybierz swój kraj, aby zobaczyć numery alarmowe, telefony zaufania i czaty, terapię online, placówki zdrowia psychicznego, grupy wsparcia i społeczności online, z których możesz tam skorzystać.
home-country_label = Twój kraj
home-country_placeholder = Wybierz kraj
home-country_submit = Pokaż pomoc
home-kinds_heading = Pięć rodzajów pomocy

country-heading = Pomoc w zakresie zdrowia psychicznego: { $country }
country-none_yet = Dla kraju { $country } nie ma jeszcze żadnych wpisów.
country-only_in = Tylko: { $areas }

emergency-heading = Numery alarmowe
emergency-general = Numer alarmowy
emergency-police = Policja
emergency-ambulance = Pogotowie ratunkowe
emergency-fire = Straż pożarna
emergency-unknown_call = nie znaleziono osobnego numeru; zadzwoń pod { $number }
emergency-not_known = nieznany
emergency-official_source = Oficjalne źródło
emergency-secondary_source = Źródło (nie jest to oficjalna strona)
emergency-more_sources = Więcej źródeł:
emergency-confirmed = potwierdzono { $date }
emergency-unconfirmed_secondary = Niepotwierdzone: nie znaleźliśmy oficjalnej strony z tymi numerami.
emergency-unconfirmed_undated = Niepotwierdzone: oficjalna strona nie ma daty.
emergency-unconfirmed_old = Niepotwierdzone: oficjalna strona pochodzi z { $date }.
emergency-unknown = Nie znamy numeru alarmowego tego kraju. Jeśli grozi Ci niebezpieczeństwo, zadzwoń pod lokalny numer alarmowy albo idź do najbliższego szpitala.

source-label = Źródło:
source-link = źródło
source-checked = sprawdzono { $date }

service-run_by = Prowadzi:
service-contact = Jak się skontaktować
service-open_now = Teraz otwarte
service-not_open_now = W tej chwili nieczynne
service-timezone = Godziny podano w czasie lokalnym: { $zone }.
service-open_alternatives = Zamiast tego teraz otwarte
service-who = Kto może skorzystać
service-areas = Gdzie
service-eligibility = Warunki
service-eligibility_note = Warto wiedzieć
service-cost = Koszt
service-languages = Języki
service-topics = Pomaga w
service-audiences = Dla
service-website = Strona internetowa
service-verified = Sprawdzono na własnej stronie organizacji { $date }.
service-source_date = (strona ma datę { $date })
service-unverified = Z listy prowadzonej przez kogoś innego, sprawdzono { $date }; organizacja jeszcze tego nie potwierdziła.
service-stale = Tego wpisu nie porównywano ze źródłem od ponad 12 miesięcy: zadzwoń lub zajrzyj na stronę, zanim zaufasz godzinom otwarcia.

channel-open = teraz otwarte
channel-closed = teraz zamknięte
channel-hours_unknown = godziny nieopublikowane

hours-always = całą dobę, codziennie
hours-closed = zamknięte

day-every = Codziennie

area-world = Cały świat
area-radius = W promieniu { $km } km

eligibility-residents = Dla mieszkańców: { $areas }
eligibility-min_age = od { $age } lat
eligibility-max_age = do { $age } lat

error-not_found-title = Nie znaleziono strony
error-not_found-detail = Nie udało się znaleźć tej strony. Pilna pomoc powyżej jest nadal dla Ciebie.
error-bad_request-title = Nie zrozumieliśmy tego żądania
error-server-title = Coś poszło nie tak
error-server-detail = Coś poszło nie tak po naszej stronie. Jeśli potrzebujesz pomocy teraz, zadzwoń pod lokalny numer alarmowy.
error-go_home = Przejdź do strony głównej
error-unknown_interface_language = „{ $value }” nie jest językiem, w którym napisano tę stronę. Dostępne: { $valid }.
error-unknown_country = „{ $code }” nie jest krajem, który znamy. Wybierz kraj z listy.

kind-online-therapy = Terapia online
kind-in-person = Pomoc stacjonarna
kind-support-groups = Grupy wsparcia
kind-helplines = Telefony zaufania i czaty
kind-communities = Społeczności online

kind-intro-online-therapy = Terapia u specjalisty przez wideo lub telefon oraz programy internetowe prowadzone przez terapeutę (terapia poznawczo-behawioralna online).
kind-intro-in-person = Placówki zdrowia psychicznego, do których się przychodzi: poradnie, centra zdrowia psychicznego, nocna pomoc i izby przyjęć.
kind-intro-support-groups = Grupy osób o podobnych doświadczeniach, które spotykają się na żywo lub online, by się wspierać.
kind-intro-helplines = Linie telefoniczne, SMS-owe i czaty, gdzie ktoś Cię wysłucha, w tym telefony kryzysowe, bezpłatnie i bez umawiania się.
kind-intro-communities = Fora i społeczności internetowe, w których ludzie się wspierają, niektóre moderowane przez specjalistów.

topic-suicidal-thoughts = Myśli samobójcze
topic-self-harm = Samookaleczenia
topic-anxiety = Lęk
topic-panic = Napady paniki
topic-social-anxiety = Lęk społeczny
topic-generalised-anxiety = Lęk uogólniony
topic-phobias = Fobie
topic-depression = Depresja
topic-ptsd-trauma = PTSD i trauma
topic-insomnia = Problemy ze snem
topic-ocd = Zaburzenia obsesyjno-kompulsyjne
topic-eating-disorders = Zaburzenia odżywiania
topic-bipolar = Choroba afektywna dwubiegunowa
topic-psychosis = Psychoza
topic-adhd = ADHD i koncentracja
topic-substance-use = Narkotyki i inne substancje
topic-alcohol = Alkohol
topic-gambling = Hazard
topic-grief = Żałoba i strata
topic-loneliness = Samotność
topic-stress = Stres
topic-relationships = Związki
topic-family = Rodzina
topic-abuse-violence = Krzywdzenie i przemoc
topic-sexual-violence = Przemoc seksualna
topic-bullying = Przemoc rówieśnicza i nękanie
topic-gender-sexuality = Płeć i seksualność
topic-perinatal-parenting = Ciąża i rodzicielstwo
topic-physical-illness = Życie z chorobą
topic-money-worries = Kłopoty finansowe
topic-work-study = Praca i nauka

audience-children = Dzieci
audience-young-people = Młodzież
audience-students = Studenci
audience-adults = Dorośli
audience-older-people = Osoby starsze
audience-men = Mężczyźni
audience-women = Kobiety
audience-lgbtq = Osoby LGBTQ+
audience-veterans = Weterani
audience-parents = Rodzice
audience-carers = Opiekunowie bliskich
audience-indigenous = Ludy rdzenne
audience-migrants-refugees = Migranci i uchodźcy
audience-deaf-hard-of-hearing = Osoby głuche i słabosłyszące
audience-health-workers = Pracownicy ochrony zdrowia

channel-phone = Telefon
channel-sms = SMS
channel-chat = Czat
channel-video = Wideorozmowa
channel-email = E-mail
channel-messaging = Komunikator
channel-app = Aplikacja
channel-web-program = Strona internetowa
channel-in-person = Osobiście

cost-free = Bezpłatnie
cost-public-coverage = Refundowane przez publiczną służbę zdrowia
cost-low-cost = Niski koszt
cost-sliding-scale = Opłata zależna od dochodu
cost-private-insurance = Prywatne ubezpieczenie
cost-paid = Odpłatnie

referral-none = bez skierowania
referral-self-referral = możesz zgłosić się sam(a)
referral-gp = potrzebne skierowanie od lekarza rodzinnego
referral-any-doctor = potrzebne skierowanie lekarskie

nav-articles = O rodzajach pomocy
nav-language = Język
nav-languages = Czytaj tę stronę w języku
country-search_label = Szukaj pomocy tutaj
country-search_submit = Szukaj
country-place_label = Twoja miejscowość lub region
country-place_submit = Znajdź
country-see_all = Zobacz wszystkie ({ $n })
error-unknown_city = Nie znamy takiego miasta w kraju { $country }. Wybierz swoje miejsce jeszcze raz.
error-unknown_region = Nie znamy takiego regionu w kraju { $country }. Wybierz swoje miejsce jeszcze raz.

results-heading-online-therapy = Terapia online: { $place }
results-heading-in-person = Pomoc stacjonarna w pobliżu: { $place }
results-heading-support-groups = Grupy wsparcia: { $place }
results-heading-helplines = Telefony zaufania i czaty: { $place }
results-heading-communities = Społeczności online: { $place }
results-heading-search = Szukaj pomocy: { $place }
results-article-online-therapy = Czy terapia online działa?
results-article-in-person = O pomocy stacjonarnej
results-article-support-groups = Czy grupy wsparcia pomagają?
results-article-helplines = Co się dzieje, gdy dzwonisz na telefon zaufania?
results-article-communities = O społecznościach online
results-change_place = Zmień miejsce
results-crisis_heading = Jeśli myślisz o samobójstwie lub o zrobieniu sobie krzywdy
results-search_label = Szukaj
results-filters = Filtry
results-apply = Pokaż wyniki
results-clear = Wyczyść filtry
results-count = { $n ->
    [one] Znaleziono { $n } wynik
    [few] Znaleziono { $n } wyniki
   *[many] Znaleziono { $n } wyników
}
results-none = Nic nie pasuje do tych filtrów: { $place }.
results-other_kinds = Inne rodzaje pomocy dostępne tutaj:
results-by_kind = Według rodzaju pomocy:
results-open_now = Teraz otwarte
results-distance = { $km } km stąd
results-pages = Strony
results-prev = Poprzednia strona
results-next = Następna strona
results-page_of = Strona { $page }

filter-when = Kiedy
filter-open_now = Teraz otwarte
filter-always_open = Czynne całą dobę
filter-topic = Pomaga w
filter-channel = Kontakt przez
filter-cost = Koszt
filter-audience = Dla
filter-by = Prowadzone przez
filter-lang = Język

by-professionals = Specjalistów
by-trained-volunteers = Przeszkolonych wolontariuszy
by-peers = Osoby z podobnym doświadczeniem

places-title = Wybierz swoje miejsce
places-hint = Wpisz nazwę swojej miejscowości, miasta lub regionu.
places-none = Nie znaleziono miejsca o nazwie „{ $query }”. Spróbuj innej pisowni albo większego miasta w pobliżu.
places-use_location = Użyj mojej lokalizacji

articles-title = O rodzajach pomocy
articles-updated = Zaktualizowano { $date }

lang-asl = amerykański język migowy
lang-bsl = brytyjski język migowy

error-address_too_long = Adres jest za długi (ponad { $max } znaków).
error-too_many_values = Za dużo wartości dla „{ $param }”.
error-bad_number = „{ $value }” nie jest prawidłową wartością dla „{ $param }”.
error-query_too_long = Tekst wyszukiwania ma więcej niż { $value } znaków.
error-bad_language = „{ $value }” nie jest kodem języka (takim jak en lub nb).
error-bad_page = Numer strony musi być od 1 do { $value }.
error-unknown_code = „{ $value }” to nieznana wartość w kategorii: { $vocabulary }. Prawidłowe wartości: { $valid }.
vocabulary-kind = rodzaj pomocy
vocabulary-topic = temat
vocabulary-audience = grupa odbiorców
vocabulary-channel = kanał kontaktu
vocabulary-cost = koszt
vocabulary-delivered-by = rodzaj usługodawcy
vocabulary-form = formularz
vocabulary-moderation = moderacja
vocabulary-referral = skierowanie
vocabulary-status = stan
error-place_too_long = Nazwa miejsca ma więcej niż { $max } znaków.
error-bad_coordinates = „lat” musi być liczbą od -90 do 90, a „lon” liczbą od -180 do 180.
places-none_near = Nie znamy żadnego miasta w pobliżu tego punktu.
filter-you = O Tobie
filter-age = Twój wiek
filter-resident = Mieszkam tutaj: { $place }

report-link = Zgłoś problem z tym wpisem
report-title = Zgłoś problem: { $name }
report-heading = Zgłoś problem: { $name }
report-intro = Napisz, co jest nie tak, a redaktor sprawdzi to w informacjach samej placówki. Nie potrzebujesz konta. Przechowujemy tylko to, co tu wpiszesz: nic o Tobie ani o Twoim urządzeniu.
report-reason = Co jest nie tak?
report-reason-number-does-not-work = Numer lub link nie działa
report-reason-closed = Placówka została zamknięta
report-reason-wrong-hours = Godziny otwarcia są błędne
report-reason-wrong-address = Adres jest błędny
report-reason-harmful = To jest szkodliwe albo nie jest to pomoc w zakresie zdrowia psychicznego
report-reason-other = Coś innego
report-channel = Którego kontaktu to dotyczy? (opcjonalnie)
report-channel_none = Żadnego konkretnego
report-detail = Co zauważyłeś(-aś)? (opcjonalnie; wymagane przy „Coś innego”)
report-detail_hint = Do { $max } znaków. Prosimy nie podawać informacji o swoim zdrowiu.
report-submit = Wyślij zgłoszenie
suggest-link = Znasz placówkę, której tu brakuje? Zaproponuj ją
suggest-title = Zaproponuj placówkę: { $country }
suggest-heading = Zaproponuj placówkę: { $country }
suggest-intro = Opowiedz nam o pomocy w zakresie zdrowia psychicznego, której jeszcze tu nie ma. Redakcja sprawdza każdą propozycję w informacjach samej placówki przed publikacją. Nie potrzebujesz konta, a przechowujemy tylko to, co tu wpiszesz.
suggest-name = Nazwa placówki lub usługi
suggest-kind = Rodzaj pomocy
suggest-kind_unknown = Nie wiem
suggest-reach = Jak się skontaktować
suggest-reach_hint = Numery telefonów, strona internetowa, czat lub adres: wszystko, co wiesz.
suggest-who = Komu pomaga (opcjonalnie)
suggest-place = Gdzie (opcjonalnie): miejscowość, region lub cały kraj
suggest-source = Link do własnej strony placówki (opcjonalnie)
suggest-submit = Wyślij propozycję
feedback-contact = Twój adres e-mail (opcjonalnie)
feedback-contact_hint = Tylko jeśli chcesz odpowiedzi. Widzi go wyłącznie redakcja i nie jest używany do niczego innego.
feedback-honeypot = Zostaw to pole puste
feedback-not_sent = Jeszcze nie wysłano: sprawdź
feedback-kept = Wszystko, co wpisałeś(-aś), nadal jest w formularzu poniżej.
feedback-trap = Pole „Zostaw to pole puste” zostało wypełnione, co robią automatyczne spamboty. Wyczyść je i wyślij formularz ponownie.
feedback-too_fast = Formularz wrócił w mniej niż { $seconds } s od otwarcia, co robią automatyczne spamboty. Sprawdź go i wyślij ponownie.
feedback-expired = Ten formularz był otwarty dłużej niż dobę albo nie pochodzi od nas. Sprawdź go i wyślij ponownie.
feedback-field-reason = Co jest nie tak
feedback-field-channel = Który kontakt
feedback-field-detail = Co zauważono
feedback-field-contact = Adres e-mail
feedback-field-name = Nazwa
feedback-field-kind = Rodzaj pomocy
feedback-field-reach = Dane kontaktowe
feedback-field-who = Komu pomaga
feedback-field-place = Gdzie
feedback-field-source_url = Link
feedback-back_to = Wróć do: { $name }
feedback-limited-title = Wysłano za dużo formularzy
feedback-limited-detail = Z tego połączenia wysłano w krótkim czasie wiele formularzy, dlatego ten nie został przyjęty. Spróbuj ponownie za { $minutes } min. Jeśli potrzebujesz pomocy teraz, numery powyżej są zawsze dostępne.
feedback-sent-report = Dziękujemy: zgłoszenie zostało wysłane
feedback-sent-suggestion = Dziękujemy: propozycja została wysłana
feedback-sent-report_next = Redaktor porówna wpis z informacjami samej placówki i go poprawi, zwykle w ciągu kilku dni. Zgłoszenia, że telefon kryzysowy nie odpowiada lub przestał działać, sprawdzamy w pierwszej kolejności. Odpisujemy tylko wtedy, gdy podasz adres e-mail.
feedback-sent-suggestion_next = Redaktor sprawdzi placówkę w jej własnych informacjach przed dodaniem, zwykle w ciągu kilku tygodni. Odpisujemy tylko wtedy, gdy podasz adres e-mail.
feedback-sent-need_help = Jeśli potrzebujesz teraz z kimś porozmawiać
feedback-sent-open_now = Te telefony kryzysowe są teraz czynne:
feedback-sent-none_open = Nie znamy telefonu kryzysowego czynnego w tej chwili.
feedback-sent-all_lines = Zobacz wszystkie telefony zaufania

service-from_feed = Źródło: { $feed },
service-feed_updated = aktualizacja { $date }.
service-feed_licence = Licencja: { $licence }.
error-busy-title = Zbyt wiele wyszukiwań naraz
error-busy-detail = Nie udało się teraz wykonać tego wyszukiwania, bo szuka bardzo wiele osób. Spróbuj ponownie za kilka sekund. Jeśli potrzebujesz pomocy teraz, zadzwoń pod numer alarmowy powyżej.
error-busy-country = Zobacz telefony zaufania i numery alarmowe tego kraju
results-call = Zadzwoń: { $number }
results-text = Wyślij SMS: { $number }
results-no_match = Brak wyników dla „{ $query }” w miejscu: { $place }.
results-general_support = Te linie wysłuchają każdego, kto potrzebuje porozmawiać, bez względu na temat:
text-in_language = (język: { $language })
articles-other_languages = Ten artykuł w języku:
