# Catálogo de mensagens em português. Os mesmos identificadores que en.ftl.

site-name = Help Atlas
site-description = Encontre ajuda em saúde mental onde você mora: linhas de apoio, terapia on-line, serviços, grupos e comunidades.

nav-skip = Pular para o conteúdo

exit-label = Saída rápida

footer-privacy = Este site não usa cookies nem rastreadores e não registra o que você pesquisa.
footer-exit_hint = Saída rápida: o botão no alto sai deste site na hora. Com o JavaScript ativado, a tecla Esc faz o mesmo.
footer-data = Os dados do diretório são abertos e cada registro indica a sua fonte. Números de emergência podem mudar: na dúvida, o número local de emergência é 112 na maior parte da Europa e 911 na América do Norte.

crisis-label = Ajuda urgente
crisis-danger = Está em perigo agora?
crisis-call = Ligue
crisis-international = Está em perigo agora? Ligue para o número local de emergência: 112 funciona na maior parte da Europa e em muitas redes móveis, 911 na América do Norte, 999 no Reino Unido e 000 na Austrália.
crisis-talk = Precisa conversar com alguém agora?
crisis-choose_country = Escolha o seu país para ver os números de emergência e as linhas de crise

home-heading = Encontre ajuda em saúde mental onde você mora
home-intro = Escolha o seu país para ver números de emergência, linhas de apoio e chats, terapia on-line, serviços de saúde mental, grupos de apoio e comunidades on-line que você pode usar de lá.
home-country_label = Seu país
home-country_placeholder = Escolha um país
home-country_submit = Mostrar ajuda
home-kinds_heading = Cinco tipos de ajuda

country-heading = Ajuda em saúde mental: { $country }
country-none_yet = Ainda não há nada listado para { $country }.
country-only_in = Só em: { $areas }

emergency-heading = Números de emergência
emergency-general = Emergência
emergency-police = Polícia
emergency-ambulance = Ambulância
emergency-fire = Bombeiros
emergency-unknown_call = nenhum número próprio encontrado; ligue { $number }
emergency-not_known = desconhecido
emergency-official_source = Fonte oficial
emergency-secondary_source = Fonte (página não oficial)
emergency-more_sources = Outras fontes:
emergency-confirmed = confirmado em { $date }
emergency-unconfirmed_secondary = Não confirmado: não encontramos uma página oficial com estes números.
emergency-unconfirmed_undated = Não confirmado: a página oficial não tem data.
emergency-unconfirmed_old = Não confirmado: a página oficial é de { $date }.
emergency-unknown = Não temos o número de emergência deste país. Se você estiver em perigo, ligue para o número local de emergência ou vá ao hospital mais próximo.

source-label = Fonte:
source-link = fonte
source-checked = verificado em { $date }

service-run_by = Mantido por
service-contact = Como entrar em contato
service-open_now = Aberto agora
service-not_open_now = Fechado neste momento
service-timezone = Os horários estão na hora local de { $zone }.
service-open_alternatives = Abertos agora
service-who = Quem pode usar
service-areas = Onde
service-eligibility = Requisitos
service-eligibility_note = Bom saber
service-cost = Custo
service-languages = Idiomas
service-topics = Ajuda com
service-audiences = Para
service-website = Site
service-verified = Verificado na página da própria organização em { $date }.
service-source_date = (a página é de { $date })
service-unverified = De uma lista de terceiros, verificado em { $date }; ainda não confirmado pela organização.
service-stale = Este registro não é conferido com a fonte há mais de 12 meses: ligue ou consulte o site antes de confiar nos horários.

channel-open = aberto agora
channel-closed = fechado agora
channel-hours_unknown = horário não publicado

hours-always = 24 horas, todos os dias
hours-closed = fechado

day-every = Todos os dias

area-world = No mundo todo
area-radius = Num raio de { $km } km

eligibility-residents = Para moradores de { $areas }
eligibility-min_age = a partir de { $age } anos
eligibility-max_age = até { $age } anos

error-not_found-title = Página não encontrada
error-not_found-detail = Não encontramos essa página. A ajuda urgente acima continua aí para você.
error-bad_request-title = Não entendemos esse pedido
error-server-title = Algo deu errado
error-server-detail = Algo deu errado do nosso lado. Se precisar de ajuda agora, ligue para o número local de emergência.
error-go_home = Ir para a página inicial
error-unknown_interface_language = “{ $value }” não é um idioma em que este site está escrito. Disponíveis: { $valid }.
error-unknown_country = “{ $code }” não é um país que conhecemos. Escolha um país da lista.

kind-online-therapy = Terapia on-line
kind-in-person = Serviços presenciais
kind-support-groups = Grupos de apoio
kind-helplines = Linhas de apoio e chats
kind-communities = Comunidades on-line

kind-intro-online-therapy = Terapia com um profissional por vídeo ou telefone e programas pela internet guiados por terapeutas (TCC on-line).
kind-intro-in-person = Serviços de saúde mental que você visita: clínicas, equipes comunitárias, plantões e atendimento de emergência.
kind-intro-support-groups = Grupos de pessoas com experiências parecidas que se encontram, pessoalmente ou on-line, para se apoiar.
kind-intro-helplines = Linhas de telefone, mensagem e chat em que uma pessoa escuta você, inclusive linhas de crise, de graça e sem hora marcada.
kind-intro-communities = Fóruns e comunidades on-line em que as pessoas se apoiam, alguns moderados por profissionais.

topic-suicidal-thoughts = Pensamentos suicidas
topic-self-harm = Automutilação
topic-anxiety = Ansiedade
topic-panic = Pânico
topic-social-anxiety = Ansiedade social
topic-generalised-anxiety = Ansiedade generalizada
topic-phobias = Fobias
topic-depression = Depressão
topic-ptsd-trauma = TEPT e trauma
topic-insomnia = Problemas de sono
topic-ocd = TOC
topic-eating-disorders = Transtornos alimentares
topic-bipolar = Transtorno bipolar
topic-psychosis = Psicose
topic-adhd = TDAH
topic-substance-use = Drogas e uso de substâncias
topic-alcohol = Álcool
topic-gambling = Jogos de azar
topic-grief = Luto e perda
topic-loneliness = Solidão
topic-stress = Estresse
topic-relationships = Relacionamentos
topic-family = Família
topic-abuse-violence = Abuso e violência
topic-sexual-violence = Violência sexual
topic-bullying = Bullying e intimidação
topic-gender-sexuality = Gênero e sexualidade
topic-perinatal-parenting = Gravidez e criação dos filhos
topic-physical-illness = Viver com uma doença
topic-money-worries = Preocupações com dinheiro
topic-work-study = Trabalho e estudos

audience-children = Crianças
audience-young-people = Jovens
audience-students = Estudantes
audience-adults = Adultos
audience-older-people = Pessoas idosas
audience-men = Homens
audience-women = Mulheres
audience-lgbtq = Pessoas LGBTQIA+
audience-veterans = Veteranos
audience-parents = Mães e pais
audience-carers = Cuidadores
audience-indigenous = Povos indígenas
audience-migrants-refugees = Migrantes e refugiados
audience-deaf-hard-of-hearing = Pessoas surdas ou com deficiência auditiva
audience-health-workers = Profissionais de saúde

channel-phone = Telefone
channel-sms = Mensagem de texto
channel-chat = Chat on-line
channel-video = Vídeo
channel-email = E-mail
channel-messaging = Aplicativo de mensagens
channel-app = Aplicativo
channel-web-program = Site
channel-in-person = Presencial

cost-free = Gratuito
cost-public-coverage = Coberto pelo sistema público de saúde
cost-low-cost = Baixo custo
cost-sliding-scale = Valor conforme a renda
cost-private-insurance = Plano de saúde privado
cost-paid = Pago

referral-none = não precisa de encaminhamento
referral-self-referral = você mesmo pode se inscrever
referral-gp = precisa de encaminhamento do clínico geral
referral-any-doctor = precisa de encaminhamento médico

nav-articles = Sobre os tipos de ajuda
nav-language = Idioma
nav-languages = Ler esta página em
country-search_label = Procurar ajuda aqui
country-search_submit = Procurar
country-place_label = Sua cidade ou região
country-place_submit = Encontrar
country-see_all = Ver todos os { $n }
error-unknown_city = Não conhecemos essa cidade em { $country }. Escolha o seu lugar de novo.
error-unknown_region = Não conhecemos essa região em { $country }. Escolha o seu lugar de novo.

results-heading-online-therapy = Terapia on-line para { $place }
results-heading-in-person = Serviços presenciais perto de { $place }
results-heading-support-groups = Grupos de apoio em { $place }
results-heading-helplines = Linhas de apoio e chats para { $place }
results-heading-communities = Comunidades on-line para { $place }
results-heading-search = Procurar ajuda em { $place }
results-article-online-therapy = A terapia on-line funciona?
results-article-in-person = Sobre o atendimento presencial
results-article-support-groups = Grupos de apoio ajudam?
results-article-helplines = O que acontece quando você liga para uma linha de apoio?
results-article-communities = Sobre as comunidades on-line
results-change_place = Mudar de lugar
results-crisis_heading = Se você está pensando em suicídio ou em se machucar
results-search_label = Pesquisar
results-filters = Filtros
results-apply = Mostrar resultados
results-clear = Limpar filtros
results-count = { $n ->
    [one] { $n } resultado
   *[other] { $n } resultados
}
results-none = Nada corresponde a estes filtros para { $place }.
results-other_kinds = Outros tipos de ajuda disponíveis aqui:
results-by_kind = Por tipo de ajuda:
results-open_now = Aberto agora
results-distance = a { $km } km
results-pages = Páginas
results-prev = Página anterior
results-next = Próxima página
results-page_of = Página { $page }

filter-when = Quando
filter-open_now = Aberto agora
filter-always_open = Aberto 24 horas
filter-topic = Ajuda com
filter-channel = Forma de contato
filter-cost = Custo
filter-audience = Para
filter-by = Oferecido por
filter-lang = Idioma

by-professionals = Profissionais
by-trained-volunteers = Voluntários treinados
by-peers = Pessoas com a mesma vivência

places-title = Escolha o seu lugar
places-hint = Digite o nome da sua cidade ou região.
places-none = Nenhum lugar chamado “{ $query }” encontrado. Tente outra grafia ou uma cidade maior próxima.
places-use_location = Usar minha localização

articles-title = Sobre os tipos de ajuda
articles-updated = Atualizado em { $date }

lang-asl = língua de sinais americana
lang-bsl = língua de sinais britânica

error-address_too_long = O endereço é longo demais (mais de { $max } caracteres).
error-too_many_values = Valores demais para “{ $param }”.
error-bad_number = “{ $value }” não é um valor válido para “{ $param }”.
error-query_too_long = O texto da pesquisa tem mais de { $value } caracteres.
error-bad_language = “{ $value }” não é um código de idioma (como en ou nb).
error-bad_page = O número da página deve estar entre 1 e { $value }.
error-unknown_code = “{ $value }” não é um valor de { $vocabulary } que conhecemos. Valores válidos: { $valid }.
vocabulary-kind = tipo de ajuda
vocabulary-topic = tema
vocabulary-audience = público
vocabulary-channel = canal
vocabulary-cost = custo
vocabulary-delivered-by = tipo de prestador
vocabulary-form = formulário
vocabulary-moderation = moderação
vocabulary-referral = encaminhamento
vocabulary-status = situação
error-place_too_long = O nome do lugar tem mais de { $max } caracteres.
error-bad_coordinates = “lat” deve ser um número de -90 a 90 e “lon” um número de -180 a 180.
places-none_near = Não conhecemos nenhuma cidade perto desse ponto.
filter-you = Sobre você
filter-age = Sua idade
filter-resident = Moro em { $place }

report-link = Informar um problema com este registro
report-title = Informar um problema: { $name }
report-heading = Informar um problema com { $name }
report-intro = Conte o que está errado e alguém da equipe editorial vai conferir com as informações do próprio serviço. Você não precisa de conta. Guardamos só o que você escrever aqui: nada sobre você ou o seu aparelho.
report-reason = O que está errado?
report-reason-number-does-not-work = Um número ou link não funciona
report-reason-closed = O serviço fechou
report-reason-wrong-hours = O horário está errado
report-reason-wrong-address = O endereço está errado
report-reason-harmful = É prejudicial ou não é um serviço de saúde mental
report-reason-other = Outra coisa
report-channel = A qual contato se refere? (opcional)
report-channel_none = A nenhum em especial
report-detail = O que você encontrou? (opcional; obrigatório para “Outra coisa”)
report-detail_hint = Até { $max } caracteres. Por favor, não inclua informações sobre a sua saúde.
report-submit = Enviar aviso
suggest-link = Conhece um serviço que está faltando? Sugira
suggest-title = Sugerir um serviço: { $country }
suggest-heading = Sugerir um serviço: { $country }
suggest-intro = Conte-nos sobre uma ajuda em saúde mental que ainda não está listada. A equipe editorial confere cada sugestão com as informações do próprio serviço antes de publicá-la. Você não precisa de conta, e guardamos só o que você escrever aqui.
suggest-name = Nome do serviço
suggest-kind = Tipo de ajuda
suggest-kind_unknown = Não sei
suggest-reach = Como entrar em contato
suggest-reach_hint = Telefones, site, chat ou endereço: tudo o que você souber.
suggest-who = Quem ele ajuda (opcional)
suggest-place = Onde (opcional): uma cidade, uma região ou o país todo
suggest-source = Um link para a página do próprio serviço (opcional)
suggest-submit = Enviar sugestão
feedback-contact = Seu e-mail (opcional)
feedback-contact_hint = Só se você quiser resposta. Ele é visto pela equipe editorial e não é usado para mais nada.
feedback-honeypot = Deixe em branco
feedback-not_sent = Ainda não enviado: confira
feedback-kept = Tudo o que você escreveu continua no formulário abaixo.
feedback-trap = O campo “Deixe em branco” foi preenchido, como faz o spam automático. Apague o que está nele e envie o formulário de novo.
feedback-too_fast = O formulário voltou menos de { $seconds } segundos depois de aberto, como faz o spam automático. Confira e envie de novo.
feedback-expired = Este formulário ficou aberto por mais de um dia ou não é nosso. Confira e envie de novo.
feedback-field-reason = O que está errado
feedback-field-channel = Qual contato
feedback-field-detail = O que você encontrou
feedback-field-contact = E-mail
feedback-field-name = Nome
feedback-field-kind = Tipo de ajuda
feedback-field-reach = Como entrar em contato
feedback-field-who = Quem ele ajuda
feedback-field-place = Onde
feedback-field-source_url = Link
feedback-back_to = Voltar para { $name }
feedback-limited-title = Formulários demais enviados
feedback-limited-detail = Muitos formulários foram enviados desta conexão em pouco tempo, por isso este não foi aceito. Tente de novo daqui a { $minutes } minutos. Se precisar de ajuda agora, os números acima continuam aí.
feedback-sent-report = Obrigado: seu aviso foi enviado
feedback-sent-suggestion = Obrigado: sua sugestão foi enviada
feedback-sent-report_next = Alguém da equipe editorial vai conferir o registro com as informações do próprio serviço e corrigi-lo, normalmente em poucos dias. Avisos de que uma linha de crise não atende ou fechou são vistos primeiro. Só respondemos se você deixou um e-mail.
feedback-sent-suggestion_next = Alguém da equipe editorial vai conferir o serviço com as informações dele antes de incluí-lo, normalmente em algumas semanas. Só respondemos se você deixou um e-mail.
feedback-sent-need_help = Se precisar conversar com alguém agora
feedback-sent-open_now = Estas linhas de crise estão abertas agora:
feedback-sent-none_open = Não conhecemos nenhuma linha de crise aberta neste momento.
feedback-sent-all_lines = Ver todas as linhas de apoio

service-from_feed = De { $feed },
service-feed_updated = atualizado em { $date }.
service-feed_licence = Licença: { $licence }.
error-busy-title = Demasiadas pesquisas ao mesmo tempo
error-busy-detail = Não foi possível fazer esta pesquisa agora porque muitas pessoas estão a pesquisar. Tente de novo daqui a alguns segundos. Se precisa de ajuda agora, ligue para o número de emergência acima.
error-busy-country = Ver as linhas de apoio e os números de emergência deste país
results-call = Ligar para { $number }
results-text = Enviar SMS para { $number }
results-no_match = Nada encontrado para «{ $query }» em { $place }.
results-general_support = Estas linhas ouvem qualquer pessoa que precise de falar, seja sobre o que for:
text-in_language = (em { $language })
articles-other_languages = Este artigo em:
