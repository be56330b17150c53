# Catalogo dei messaggi in italiano. Gli stessi identificatori di en.ftl.

site-name = Help Atlas
site-description = Trova aiuto per la salute mentale dove vivi: linee di ascolto, terapia online, servizi, gruppi e comunità.

nav-skip = Vai al contenuto

exit-label = Uscita rapida

footer-privacy = Questo sito non usa cookie né sistemi di tracciamento e non registra ciò che cerchi.
footer-exit_hint = Uscita rapida: il pulsante in alto ti fa lasciare subito questo sito. Con JavaScript attivo, il tasto Esc fa lo stesso.
footer-data = I dati dell’elenco sono aperti e ogni scheda cita la sua fonte. I numeri di emergenza possono cambiare: nel dubbio, il numero di emergenza locale è il 112 in quasi tutta Europa e il 911 in Nord America.

crisis-label = Aiuto urgente
crisis-danger = Sei in pericolo adesso?
crisis-call = Chiama il
crisis-international = Sei in pericolo adesso? Chiama il numero di emergenza locale: il 112 funziona in quasi tutta Europa e su molte reti mobili, il 911 in Nord America, il 999 nel Regno Unito, lo 000 in Australia.
crisis-talk = Hai bisogno di parlare con qualcuno adesso?
crisis-choose_country = Scegli il tuo paese per vedere i numeri di emergenza e le linee di crisi

home-heading = Trova aiuto per la salute mentale dove vivi
home-intro = Scegli il tuo paese per vedere numeri di emergenza, linee di ascolto e chat, terapia online, servizi di salute mentale, gruppi di sostegno e comunità online che puoi usare da lì.
home-country_label = Il tuo paese
home-country_placeholder = Scegli un paese
home-country_submit = Mostra l’aiuto
home-kinds_heading = Cinque tipi di aiuto

country-heading = Aiuto per la salute mentale: { $country }
country-none_yet = Per { $country } non c’è ancora nulla in elenco.
country-only_in = Solo in: { $areas }

emergency-heading = Numeri di emergenza
emergency-general = Emergenza
emergency-police = Polizia
emergency-ambulance = Ambulanza
emergency-fire = Vigili del fuoco
emergency-unknown_call = nessun numero dedicato trovato; chiama il { $number }
emergency-not_known = sconosciuto
emergency-official_source = Fonte ufficiale
emergency-secondary_source = Fonte (non una pagina ufficiale)
emergency-more_sources = Altre fonti:
emergency-confirmed = confermato il { $date }
emergency-unconfirmed_secondary = Non confermato: non abbiamo trovato una pagina ufficiale con questi numeri.
emergency-unconfirmed_undated = Non confermato: la pagina ufficiale non riporta una data.
emergency-unconfirmed_old = Non confermato: la pagina ufficiale risale al { $date }.
emergency-unknown = Non abbiamo il numero di emergenza di questo paese. Se sei in pericolo, chiama il numero di emergenza locale o vai all’ospedale più vicino.

source-label = Fonte:
source-link = fonte
source-checked = verificato il { $date }

service-run_by = Gestito da
service-contact = Come contattarlo
service-open_now = Aperto ora
service-not_open_now = Chiuso in questo momento
service-timezone = Gli orari sono nell’ora locale di { $zone }.
service-open_alternatives = Aperti ora, in alternativa
service-who = Chi può usarlo
service-areas = Dove
service-eligibility = Requisiti
service-eligibility_note = Buono a sapersi
service-cost = Costo
service-languages = Lingue
service-topics = Aiuta con
service-audiences = Per
service-website = Sito web
service-verified = Verificato sulla pagina dell’organizzazione stessa il { $date }.
service-source_date = (la pagina è datata { $date })
service-unverified = Da un elenco di terzi, verificato il { $date }; non ancora confermato dall’organizzazione.
service-stale = Questa scheda non è stata confrontata con la sua fonte da oltre 12 mesi: chiama o controlla il sito prima di fidarti degli orari.

channel-open = aperto ora
channel-closed = chiuso ora
channel-hours_unknown = orari non pubblicati

hours-always = 24 ore su 24, tutti i giorni
hours-closed = chiuso

day-every = Tutti i giorni

area-world = In tutto il mondo
area-radius = Entro { $km } km

eligibility-residents = Per chi risiede in { $areas }
eligibility-min_age = dai { $age } anni
eligibility-max_age = fino a { $age } anni

error-not_found-title = Pagina non trovata
error-not_found-detail = Non abbiamo trovato quella pagina. L’aiuto urgente qui sopra è sempre a tua disposizione.
error-bad_request-title = Non abbiamo capito questa richiesta
error-server-title = Qualcosa è andato storto
error-server-detail = Qualcosa è andato storto da parte nostra. Se hai bisogno di aiuto adesso, chiama il numero di emergenza locale.
error-go_home = Vai alla pagina iniziale
error-unknown_interface_language = «{ $value }» non è una lingua in cui è scritto questo sito. Disponibili: { $valid }.
error-unknown_country = «{ $code }» non è un paese che conosciamo. Scegli un paese dall’elenco.

kind-online-therapy = Terapia online
kind-in-person = Servizi in presenza
kind-support-groups = Gruppi di sostegno
kind-helplines = Linee di ascolto e chat
kind-communities = Comunità online

kind-intro-online-therapy = Terapia con un professionista in video o al telefono, e programmi via internet guidati da un terapeuta (CBT online).
kind-intro-in-person = Servizi di salute mentale a cui ti rivolgi di persona: ambulatori, centri di salute mentale, guardia medica e pronto soccorso.
kind-intro-support-groups = Gruppi di persone con esperienze simili che si incontrano, di persona oppure online, per sostenersi a vicenda.
kind-intro-helplines = Linee telefoniche, SMS e chat in cui una persona ti ascolta, comprese le linee di crisi, gratis e senza appuntamento.
kind-intro-communities = Forum e comunità online dove le persone si sostengono a vicenda, alcuni moderati da professionisti.

topic-suicidal-thoughts = Pensieri suicidi
topic-self-harm = Autolesionismo
topic-anxiety = Ansia
topic-panic = Attacchi di panico
topic-social-anxiety = Ansia sociale
topic-generalised-anxiety = Ansia generalizzata
topic-phobias = Fobie
topic-depression = Depressione
topic-ptsd-trauma = PTSD e trauma
topic-insomnia = Disturbi del sonno
topic-ocd = Disturbo ossessivo-compulsivo
topic-eating-disorders = Disturbi alimentari
topic-bipolar = Disturbo bipolare
topic-psychosis = Psicosi
topic-adhd = Disturbo da deficit di attenzione (ADHD)
topic-substance-use = Droghe e uso di sostanze
topic-alcohol = Alcol
topic-gambling = Gioco d’azzardo
topic-grief = Lutto e perdita
topic-loneliness = Solitudine
topic-stress = Stress e pressione
topic-relationships = Relazioni
topic-family = Famiglia
topic-abuse-violence = Abusi e violenza
topic-sexual-violence = Violenza sessuale
topic-bullying = Bullismo
topic-gender-sexuality = Genere e sessualità
topic-perinatal-parenting = Gravidanza e genitorialità
topic-physical-illness = Vivere con una malattia
topic-money-worries = Preoccupazioni economiche
topic-work-study = Lavoro e studio

audience-children = Bambini
audience-young-people = Giovani
audience-students = Studenti
audience-adults = Adulti
audience-older-people = Persone anziane
audience-men = Uomini
audience-women = Donne
audience-lgbtq = Persone LGBTQ+
audience-veterans = Veterani
audience-parents = Genitori
audience-carers = Caregiver familiari
audience-indigenous = Popoli indigeni
audience-migrants-refugees = Migranti e rifugiati
audience-deaf-hard-of-hearing = Persone sorde o con ipoacusia
audience-health-workers = Operatori sanitari

channel-phone = Telefono
channel-sms = SMS
channel-chat = Chat online
channel-video = Videochiamata
channel-email = Email
channel-messaging = App di messaggistica
channel-app = Applicazione
channel-web-program = Sito web
channel-in-person = Di persona

cost-free = Gratuito
cost-public-coverage = A carico del servizio sanitario pubblico
cost-low-cost = A basso costo
cost-sliding-scale = Tariffa in base al reddito
cost-private-insurance = Assicurazione privata
cost-paid = A pagamento

referral-none = non serve l’impegnativa
referral-self-referral = accesso diretto
referral-gp = serve l’impegnativa del medico di base
referral-any-doctor = serve l’impegnativa di un medico

nav-articles = I tipi di aiuto
nav-language = Lingua
nav-languages = Leggi questa pagina in
country-search_label = Cerca aiuto qui
country-search_submit = Cerca
country-place_label = Il tuo comune o la tua regione
country-place_submit = Trova
country-see_all = Vedi tutti ({ $n })
error-unknown_city = Non conosciamo questa città in { $country }. Scegli di nuovo il tuo luogo.
error-unknown_region = Non conosciamo questa regione in { $country }. Scegli di nuovo il tuo luogo.

results-heading-online-therapy = Terapia online per { $place }
results-heading-in-person = Servizi in presenza vicino a { $place }
results-heading-support-groups = Gruppi di sostegno a { $place }
results-heading-helplines = Linee di ascolto e chat per { $place }
results-heading-communities = Comunità online per { $place }
results-heading-search = Cerca aiuto: { $place }
results-article-online-therapy = La terapia online funziona?
results-article-in-person = L’assistenza in presenza
results-article-support-groups = I gruppi di sostegno aiutano?
results-article-helplines = Che cosa succede quando chiami una linea di ascolto?
results-article-communities = Le comunità online
results-change_place = Cambia luogo
results-crisis_heading = Se stai pensando al suicidio o a farti del male
results-search_label = Cerca
results-filters = Filtri
results-apply = Mostra i risultati
results-clear = Togli i filtri
results-count = { $n ->
    [one] { $n } risultato
   *[other] { $n } risultati
}
results-none = Nulla corrisponde a questi filtri per { $place }.
results-other_kinds = Altri tipi di aiuto disponibili qui:
results-by_kind = Per tipo di aiuto:
results-open_now = Aperto ora
results-distance = a { $km } km
results-pages = Pagine
results-prev = Pagina precedente
results-next = Pagina successiva
results-page_of = Pagina { $page }

filter-when = Quando
filter-open_now = Aperto ora
filter-always_open = Aperto 24 ore su 24
filter-topic = Aiuta con
filter-channel = Come contattarlo
filter-cost = Costo
filter-audience = Per
filter-by = Offerto da
filter-lang = Lingua

by-professionals = Professionisti
by-trained-volunteers = Volontari formati
by-peers = Pari con esperienza diretta

places-title = Scegli il tuo luogo
places-hint = Scrivi il nome del tuo comune, della tua città o della tua regione.
places-none = Nessun luogo chiamato «{ $query }». Prova a scriverlo in un altro modo o scegli una città più grande vicina.
places-use_location = Usa la mia posizione

articles-title = I tipi di aiuto
articles-updated = Aggiornato il { $date }

lang-asl = lingua dei segni americana
lang-bsl = lingua dei segni britannica

error-address_too_long = L’indirizzo è troppo lungo (oltre { $max } caratteri).
error-too_many_values = Troppi valori per «{ $param }».
error-bad_number = «{ $value }» non è un valore valido per «{ $param }».
error-query_too_long = Il testo della ricerca supera i { $value } caratteri.
error-bad_language = «{ $value }» non è un codice di lingua (come en o nb).
error-bad_page = Il numero di pagina deve essere compreso tra 1 e { $value }.
error-unknown_code = «{ $value }» non è un valore che conosciamo per: { $vocabulary }. Valori validi: { $valid }.
vocabulary-kind = tipo di aiuto
vocabulary-topic = tema
vocabulary-audience = destinatari
vocabulary-channel = canale
vocabulary-cost = costo
vocabulary-delivered-by = tipo di operatore
vocabulary-form = modulo
vocabulary-moderation = moderazione
vocabulary-referral = invio
vocabulary-status = stato
error-place_too_long = Il nome del luogo supera i { $max } caratteri.
error-bad_coordinates = «lat» deve essere un numero da -90 a 90 e «lon» un numero da -180 a 180.
places-none_near = Non conosciamo nessuna città vicino a quel punto.
filter-you = Su di te
filter-age = La tua età
filter-resident = Vivo in { $place }

report-link = Segnala un problema con questa scheda
report-title = Segnala un problema: { $name }
report-heading = Segnala un problema con { $name }
report-intro = Dicci che cosa non va e una persona della redazione lo verificherà con le informazioni del servizio stesso. Non ti serve un account. Conserviamo solo ciò che scrivi qui: niente su di te o sul tuo dispositivo.
report-reason = Che cosa non va?
report-reason-number-does-not-work = Un numero o un link non funziona
report-reason-closed = Il servizio ha chiuso
report-reason-wrong-hours = Gli orari sono sbagliati
report-reason-wrong-address = L’indirizzo è sbagliato
report-reason-harmful = È dannoso, o non è un servizio di salute mentale
report-reason-other = Altro
report-channel = A quale contatto si riferisce? (facoltativo)
report-channel_none = A nessuno in particolare
report-detail = Che cosa hai trovato? (facoltativo; necessario per «Altro»)
report-detail_hint = Fino a { $max } caratteri. Per favore non scrivere informazioni sulla tua salute.
report-submit = Invia la segnalazione
suggest-link = Conosci un servizio che manca? Proponilo
suggest-title = Proponi un servizio: { $country }
suggest-heading = Proponi un servizio: { $country }
suggest-intro = Parlaci di un aiuto per la salute mentale che non è ancora in elenco. La redazione verifica ogni proposta con le informazioni del servizio stesso prima di pubblicarla. Non ti serve un account e conserviamo solo ciò che scrivi qui.
suggest-name = Nome del servizio
suggest-kind = Tipo di aiuto
suggest-kind_unknown = Non so
suggest-reach = Come contattarlo
suggest-reach_hint = Numeri di telefono, sito web, chat o indirizzo: tutto ciò che sai.
suggest-who = Chi aiuta (facoltativo)
suggest-place = Dove (facoltativo): un comune, una regione o tutto il paese
suggest-source = Un link alla pagina del servizio stesso (facoltativo)
suggest-submit = Invia la proposta
feedback-contact = Il tuo indirizzo email (facoltativo)
feedback-contact_hint = Solo se vuoi una risposta. Lo vede solo la redazione e non viene usato per nient’altro.
feedback-honeypot = Lascia vuoto questo campo
feedback-not_sent = Non ancora inviato: controlla
feedback-kept = Tutto ciò che hai scritto è ancora nel modulo qui sotto.
feedback-trap = Il campo «Lascia vuoto questo campo» è stato compilato, come fa lo spam automatico. Svuotalo e invia di nuovo il modulo.
feedback-too_fast = Il modulo è tornato meno di { $seconds } secondi dopo l’apertura, come fa lo spam automatico. Controllalo e invialo di nuovo.
feedback-expired = Questo modulo è rimasto aperto più di un giorno o non è nostro. Controllalo e invialo di nuovo.
feedback-field-reason = Che cosa non va
feedback-field-channel = Quale contatto
feedback-field-detail = Che cosa hai trovato
feedback-field-contact = Indirizzo email
feedback-field-name = Nome
feedback-field-kind = Tipo di aiuto
feedback-field-reach = Come contattarlo
feedback-field-who = Chi aiuta
feedback-field-place = Dove
feedback-field-source_url = Link alla fonte
feedback-back_to = Torna a { $name }
feedback-limited-title = Troppi moduli inviati
feedback-limited-detail = Da questa connessione sono stati inviati molti moduli in poco tempo, quindi questo non è stato accettato. Riprova tra { $minutes } minuti. Se hai bisogno di aiuto adesso, i numeri qui sopra ci sono sempre.
feedback-sent-report = Grazie: la tua segnalazione è stata inviata
feedback-sent-suggestion = Grazie: la tua proposta è stata inviata
feedback-sent-report_next = Una persona della redazione confronterà la scheda con le informazioni del servizio stesso e la correggerà, di solito entro pochi giorni. Le segnalazioni di una linea di crisi che non risponde o ha chiuso vengono controllate per prime. Rispondiamo solo se ci hai lasciato un indirizzo email.
feedback-sent-suggestion_next = Una persona della redazione verificherà il servizio con le sue stesse informazioni prima di inserirlo, di solito entro qualche settimana. Rispondiamo solo se ci hai lasciato un indirizzo email.
feedback-sent-need_help = Se hai bisogno di parlare con qualcuno adesso
feedback-sent-open_now = Queste linee di crisi sono aperte adesso:
feedback-sent-none_open = Non conosciamo linee di crisi aperte in questo momento.
feedback-sent-all_lines = Vedi tutte le linee di ascolto

service-from_feed = Da { $feed },
service-feed_updated = aggiornato il { $date }.
service-feed_licence = Licenza: { $licence }.
error-busy-title = Troppe ricerche nello stesso momento
error-busy-detail = Non è stato possibile fare questa ricerca ora perché molte persone stanno cercando. Riprova tra qualche secondo. Se hai bisogno di aiuto subito, chiama il numero di emergenza qui sopra.
error-busy-country = Vedi le linee di ascolto e i numeri di emergenza di questo paese
results-call = Chiama il { $number }
results-text = Invia un SMS al { $number }
results-no_match = Nessun risultato per «{ $query }» in { $place }.
results-general_support = Queste linee ascoltano chiunque abbia bisogno di parlare, di qualsiasi cosa si tratti:
text-in_language = (in { $language })
articles-other_languages = Questo articolo in:
