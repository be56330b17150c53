# Catálogo de mensajes en español. Los mismos identificadores que en.ftl.

site-name = Help Atlas
site-description = Encuentra ayuda en salud mental donde vives: líneas de ayuda, terapia en línea, servicios, grupos y comunidades.

nav-skip = Saltar al contenido

exit-label = Salida rápida

footer-privacy = Este sitio no usa cookies ni rastreadores y no guarda lo que buscas.
footer-exit_hint = Salida rápida: el botón de arriba te saca de este sitio al instante. Con JavaScript activado, la tecla Escape hace lo mismo.
footer-data = Los datos del directorio son abiertos y cada ficha indica su fuente. Los números de emergencia pueden cambiar: ante la duda, el número local de emergencias es el 112 en casi toda Europa y el 911 en Norteamérica.

crisis-label = Ayuda urgente
crisis-danger = ¿Estás en peligro ahora?
crisis-call = Llama al
crisis-international = ¿Estás en peligro ahora? Llama al número local de emergencias: el 112 funciona en casi toda Europa y en muchas redes móviles, el 911 en Norteamérica, el 999 en el Reino Unido y el 000 en Australia.
crisis-talk = ¿Necesitas hablar con alguien ya?
crisis-choose_country = Elige tu país para ver sus números de emergencia y líneas de crisis

home-heading = Encuentra ayuda en salud mental donde vives
home-intro = Elige tu país para ver los números de emergencia, las líneas de ayuda y chats, la terapia en línea, los servicios de salud mental, los grupos de apoyo y las comunidades en línea que puedes usar desde allí.
home-country_label = Tu país
home-country_placeholder = Elige un país
home-country_submit = Mostrar ayuda
home-kinds_heading = Cinco tipos de ayuda

country-heading = Ayuda en salud mental en { $country }
country-none_yet = Todavía no hay nada en la lista para { $country }.
country-only_in = Solo en: { $areas }

emergency-heading = Números de emergencia
emergency-general = Emergencias
emergency-police = Policía
emergency-ambulance = Ambulancia
emergency-fire = Bomberos
emergency-unknown_call = no hemos encontrado un número propio; llama al { $number }
emergency-not_known = desconocido
emergency-official_source = Fuente oficial
emergency-secondary_source = Fuente (no es una página oficial)
emergency-more_sources = Más fuentes:
emergency-confirmed = confirmado el { $date }
emergency-unconfirmed_secondary = Sin confirmar: no encontramos ninguna página oficial con estos números.
emergency-unconfirmed_undated = Sin confirmar: la página oficial no lleva fecha.
emergency-unconfirmed_old = Sin confirmar: la página oficial es del { $date }.
emergency-unknown = No tenemos el número de emergencias de este país. Si estás en peligro, llama al número local de emergencias o ve al hospital más cercano.

source-label = Fuente:
source-link = fuente
source-checked = comprobado el { $date }

service-run_by = Gestionado por
service-contact = Cómo contactar
service-open_now = Abierto ahora
service-not_open_now = Cerrado en este momento
service-timezone = El horario está en hora local de { $zone }.
service-open_alternatives = Abiertos ahora en su lugar
service-who = Quién puede usarlo
service-areas = Dónde
service-eligibility = Requisitos
service-eligibility_note = Conviene saber
service-cost = Coste
service-languages = Idiomas
service-topics = Ayuda con
service-audiences = Para
service-website = Sitio web
service-verified = Comprobado en la página de la propia organización el { $date }.
service-source_date = (la página tiene fecha del { $date })
service-unverified = Tomado de una lista de terceros, comprobado el { $date }; la organización aún no lo ha confirmado.
service-stale = Esta ficha lleva más de 12 meses sin cotejarse con su fuente: llama o consulta el sitio web antes de fiarte del horario.

channel-open = abierto ahora
channel-closed = cerrado ahora
channel-hours_unknown = horario no publicado

hours-always = 24 horas, todos los días
hours-closed = cerrado

day-every = Todos los días

area-world = Todo el mundo
area-radius = En un radio de { $km } km

eligibility-residents = Para residentes en { $areas }
eligibility-min_age = desde { $age } años
eligibility-max_age = hasta { $age } años

error-not_found-title = Página no encontrada
error-not_found-detail = No hemos encontrado esa página. La ayuda urgente de arriba sigue ahí para ti.
error-bad_request-title = No hemos entendido esa petición
error-server-title = Algo ha fallado
error-server-detail = Algo ha fallado por nuestra parte. Si necesitas ayuda ahora, llama al número local de emergencias.
error-go_home = Ir a la página de inicio
error-unknown_interface_language = «{ $value }» no es un idioma en el que esté escrito este sitio. Disponibles: { $valid }.
error-unknown_country = «{ $code }» no es un país que conozcamos. Elige un país de la lista.

kind-online-therapy = Terapia en línea
kind-in-person = Servicios presenciales
kind-support-groups = Grupos de apoyo
kind-helplines = Líneas de ayuda y chats
kind-communities = Comunidades en línea

kind-intro-online-therapy = Terapia con un profesional por videollamada o teléfono, y programas por internet guiados por terapeutas (TCC en línea).
kind-intro-in-person = Servicios de salud mental a los que acudes: consultas, equipos comunitarios, atención fuera de horario y urgencias.
kind-intro-support-groups = Grupos de personas con experiencias parecidas que se reúnen, en persona o en línea, para apoyarse.
kind-intro-helplines = Líneas de teléfono, mensajes y chat donde una persona te escucha, incluidas las líneas de crisis, gratis y sin cita.
kind-intro-communities = Foros y comunidades en línea donde las personas se apoyan entre sí, algunos moderados por profesionales.

topic-suicidal-thoughts = Pensamientos suicidas
topic-self-harm = Autolesiones
topic-anxiety = Ansiedad
topic-panic = Pánico
topic-social-anxiety = Ansiedad social
topic-generalised-anxiety = Ansiedad generalizada
topic-phobias = Fobias
topic-depression = Depresión
topic-ptsd-trauma = TEPT y trauma
topic-insomnia = Problemas de sueño
topic-ocd = TOC
topic-eating-disorders = Trastornos de la conducta alimentaria
topic-bipolar = Trastorno bipolar
topic-psychosis = Psicosis
topic-adhd = TDAH
topic-substance-use = Drogas y consumo de sustancias
topic-alcohol = Alcohol
topic-gambling = Juego
topic-grief = Duelo y pérdida
topic-loneliness = Soledad
topic-stress = Estrés
topic-relationships = Relaciones de pareja
topic-family = Familia
topic-abuse-violence = Maltrato y violencia
topic-sexual-violence = Violencia sexual
topic-bullying = Acoso
topic-gender-sexuality = Género y sexualidad
topic-perinatal-parenting = Embarazo y crianza
topic-physical-illness = Vivir con una enfermedad
topic-money-worries = Preocupaciones económicas
topic-work-study = Trabajo y estudios

audience-children = Niños y niñas
audience-young-people = Jóvenes
audience-students = Estudiantes
audience-adults = Adultos
audience-older-people = Personas mayores
audience-men = Hombres
audience-women = Mujeres
audience-lgbtq = Personas LGTBIQ+
audience-veterans = Veteranos
audience-parents = Madres y padres
audience-carers = Cuidadores
audience-indigenous = Pueblos indígenas
audience-migrants-refugees = Migrantes y refugiados
audience-deaf-hard-of-hearing = Personas sordas o con pérdida auditiva
audience-health-workers = Profesionales sanitarios

channel-phone = Teléfono
channel-sms = Mensaje de texto
channel-chat = Chat en línea
channel-video = Videollamada
channel-email = Correo electrónico
channel-messaging = Aplicación de mensajería
channel-app = Aplicación
channel-web-program = Sitio web
channel-in-person = En persona

cost-free = Gratis
cost-public-coverage = Cubierto por la sanidad pública
cost-low-cost = Bajo coste
cost-sliding-scale = Tarifa según ingresos
cost-private-insurance = Seguro privado
cost-paid = De pago

referral-none = no hace falta derivación
referral-self-referral = puedes solicitarlo tú
referral-gp = hace falta derivación del médico de cabecera
referral-any-doctor = hace falta derivación médica

nav-articles = Sobre los tipos de ayuda
nav-language = Idioma
nav-languages = Leer esta página en
country-search_label = Buscar ayuda aquí
country-search_submit = Buscar
country-place_label = Tu localidad o región
country-place_submit = Encontrar
country-see_all = Ver los { $n }
error-unknown_city = Esa ciudad no figura entre las que conocemos en { $country }. Vuelve a elegir tu lugar.
error-unknown_region = Esa región no figura entre las que conocemos en { $country }. Vuelve a elegir tu lugar.

results-heading-online-therapy = Terapia en línea para { $place }
results-heading-in-person = Servicios presenciales cerca de { $place }
results-heading-support-groups = Grupos de apoyo en { $place }
results-heading-helplines = Líneas de ayuda y chats para { $place }
results-heading-communities = Comunidades en línea para { $place }
results-heading-search = Buscar ayuda en { $place }
results-article-online-therapy = ¿Funciona la terapia en línea?
results-article-in-person = Sobre la atención presencial
results-article-support-groups = ¿Ayudan los grupos de apoyo?
results-article-helplines = ¿Qué pasa cuando llamas a una línea de ayuda?
results-article-communities = Sobre las comunidades en línea
results-change_place = Cambiar de lugar
results-crisis_heading = Si estás pensando en el suicidio o en hacerte daño
results-search_label = Buscar
results-filters = Filtros
results-apply = Mostrar resultados
results-clear = Quitar filtros
results-count = { $n ->
    [one] { $n } resultado
   *[other] { $n } resultados
}
results-none = Nada coincide con estos filtros para { $place }.
results-other_kinds = Otros tipos de ayuda disponibles aquí:
results-by_kind = Por tipo de ayuda:
results-open_now = Abierto ahora
results-distance = a { $km } km
results-pages = Páginas
results-prev = Página anterior
results-next = Página siguiente
results-page_of = Página { $page }

filter-when = Cuándo
filter-open_now = Abierto ahora
filter-always_open = Abierto 24/7
filter-topic = Ayuda con
filter-channel = Cómo contactar
filter-cost = Coste
filter-audience = Para
filter-by = Atendido por
filter-lang = Idioma

by-professionals = Profesionales
by-trained-volunteers = Voluntariado formado
by-peers = Personas con experiencia propia

places-title = Elige tu lugar
places-hint = Escribe el nombre de tu pueblo, ciudad o región.
places-none = No hemos encontrado ningún lugar llamado «{ $query }». Prueba otra forma de escribirlo o una ciudad más grande cercana.
places-use_location = Usar mi ubicación

articles-title = Sobre los tipos de ayuda
articles-updated = Actualizado el { $date }

lang-asl = lengua de signos americana
lang-bsl = lengua de signos británica

error-address_too_long = La dirección es demasiado larga (más de { $max } caracteres).
error-too_many_values = Demasiados valores para «{ $param }».
error-bad_number = «{ $value }» no es un valor válido para «{ $param }».
error-query_too_long = El texto de búsqueda tiene más de { $value } caracteres.
error-bad_language = «{ $value }» no es un código de idioma (como en o nb).
error-bad_page = El número de página debe estar entre 1 y { $value }.
error-unknown_code = «{ $value }» no es un valor de { $vocabulary } que conozcamos. Valores válidos: { $valid }.
vocabulary-kind = tipo de ayuda
vocabulary-topic = tema
vocabulary-audience = público
vocabulary-channel = canal
vocabulary-cost = coste
vocabulary-delivered-by = tipo de proveedor
vocabulary-form = formulario
vocabulary-moderation = moderación
vocabulary-referral = derivación
vocabulary-status = estado
error-place_too_long = El nombre del lugar tiene más de { $max } caracteres.
error-bad_coordinates = «lat» debe ser un número entre -90 y 90 y «lon» un número entre -180 y 180.
places-none_near = No conocemos ninguna ciudad cerca de ese punto.
filter-you = Sobre ti
filter-age = Tu edad
filter-resident = Vivo en { $place }

report-link = Avisar de un problema con esta ficha
report-title = Avisar de un problema: { $name }
report-heading = Avisar de un problema con { $name }
report-intro = Cuéntanos qué está mal y una persona del equipo editorial lo comprobará con la información del propio servicio. No necesitas cuenta. Solo guardamos lo que escribas aquí: nada sobre ti ni sobre tu dispositivo.
report-reason = ¿Qué está mal?
report-reason-number-does-not-work = Un número o enlace no funciona
report-reason-closed = El servicio ha cerrado
report-reason-wrong-hours = El horario está mal
report-reason-wrong-address = La dirección está mal
report-reason-harmful = Es dañino o no es un servicio de salud mental
report-reason-other = Otra cosa
report-channel = ¿A qué contacto se refiere? (opcional)
report-channel_none = A ninguno en concreto
report-detail = ¿Qué has encontrado? (opcional; necesario para «Otra cosa»)
report-detail_hint = Hasta { $max } caracteres. Por favor, no incluyas datos sobre tu salud.
report-submit = Enviar aviso
suggest-link = ¿Conoces un servicio que falta? Propónnoslo
suggest-title = Proponer un servicio en { $country }
suggest-heading = Proponer un servicio en { $country }
suggest-intro = Háblanos de ayuda en salud mental que aún no aparece. El equipo editorial comprueba cada propuesta con la información del propio servicio antes de publicarla. No necesitas cuenta y solo guardamos lo que escribas aquí.
suggest-name = Nombre del servicio
suggest-kind = Tipo de ayuda
suggest-kind_unknown = No estoy seguro
suggest-reach = Cómo contactar
suggest-reach_hint = Teléfonos, sitio web, chat o dirección: todo lo que sepas.
suggest-who = A quién ayuda (opcional)
suggest-place = Dónde (opcional): una localidad, una región o todo el país
suggest-source = Un enlace a la página del propio servicio (opcional)
suggest-submit = Enviar propuesta
feedback-contact = Tu correo electrónico (opcional)
feedback-contact_hint = Solo si quieres respuesta. Lo ve el equipo editorial y no se usa para nada más.
feedback-honeypot = Deja esto vacío
feedback-not_sent = Aún no se ha enviado: revisa
feedback-kept = Todo lo que escribiste sigue en el formulario de abajo.
feedback-trap = Se rellenó el campo «Deja esto vacío», algo que hace el spam automático. Vacíalo y vuelve a enviar el formulario.
feedback-too_fast = El formulario volvió menos de { $seconds } segundos después de abrirse, como hace el spam automático. Revísalo y vuelve a enviarlo.
feedback-expired = Este formulario estuvo abierto más de un día o no es nuestro. Revísalo y vuelve a enviarlo.
feedback-field-reason = Qué está mal
feedback-field-channel = Qué contacto
feedback-field-detail = Qué has encontrado
feedback-field-contact = Correo electrónico
feedback-field-name = Nombre
feedback-field-kind = Tipo de ayuda
feedback-field-reach = Cómo contactar
feedback-field-who = A quién ayuda
feedback-field-place = Dónde
feedback-field-source_url = Enlace
feedback-back_to = Volver a { $name }
feedback-limited-title = Demasiados formularios enviados
feedback-limited-detail = Desde esta conexión se han enviado muchos formularios en poco tiempo, así que este no se ha aceptado. Inténtalo de nuevo dentro de { $minutes } minutos. Si necesitas ayuda ahora, los números de arriba siguen ahí.
feedback-sent-report = Gracias: tu aviso se ha enviado
feedback-sent-suggestion = Gracias: tu propuesta se ha enviado
feedback-sent-report_next = Una persona del equipo editorial comprobará la ficha con la información del propio servicio y la corregirá, normalmente en pocos días. Los avisos de que una línea de crisis no contesta o ha cerrado se revisan primero. Solo respondemos si nos diste un correo electrónico.
feedback-sent-suggestion_next = Una persona del equipo editorial comprobará el servicio con su propia información antes de añadirlo, normalmente en unas semanas. Solo respondemos si nos diste un correo electrónico.
feedback-sent-need_help = Si necesitas hablar con alguien ahora
feedback-sent-open_now = Estas líneas de crisis están abiertas ahora:
feedback-sent-none_open = No conocemos ninguna línea de crisis abierta en este momento.
feedback-sent-all_lines = Ver todas las líneas de ayuda

service-from_feed = De { $feed },
service-feed_updated = actualizado el { $date }.
service-feed_licence = Licencia: { $licence }.
error-busy-title = Demasiadas búsquedas a la vez
error-busy-detail = Ahora mismo no se ha podido hacer esta búsqueda porque mucha gente está buscando. Inténtalo de nuevo en unos segundos. Si necesitas ayuda ya, llama al número de emergencias de arriba.
error-busy-country = Ver las líneas de ayuda y los números de emergencia de este país
results-call = Llamar al { $number }
results-text = Enviar un SMS al { $number }
results-no_match = No hay resultados para «{ $query }» en { $place }.
results-general_support = Estas líneas escuchan a cualquier persona que necesite hablar, sea del tema que sea:
text-in_language = (en { $language })
articles-other_languages = Este artículo en:
