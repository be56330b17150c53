# Catalogue des messages en français. Les mêmes identifiants que en.ftl.

site-name = Help Atlas
site-description = Trouvez de l’aide en santé mentale près de chez vous : lignes d’écoute, thérapie en ligne, services, groupes et communautés.

nav-skip = Aller au contenu

exit-label = Sortie rapide

footer-privacy = Ce site ne dépose aucun cookie, n’utilise aucun traceur et n’enregistre pas vos recherches.
footer-exit_hint = Sortie rapide : le bouton en haut quitte ce site immédiatement. Avec JavaScript activé, la touche Échap fait de même.
footer-data = Les données de l’annuaire sont ouvertes et chaque fiche cite sa source. Les numéros d’urgence peuvent changer : en cas de doute, le numéro d’urgence local est le 112 dans la plupart des pays d’Europe et le 911 en Amérique du Nord.

crisis-label = Aide urgente
crisis-danger = En danger en ce moment ?
crisis-call = Appelez le
crisis-international = En danger en ce moment ? Appelez le numéro d’urgence local : le 112 fonctionne dans la plupart des pays d’Europe et sur de nombreux réseaux mobiles, le 911 en Amérique du Nord, le 999 au Royaume-Uni, le 000 en Australie.
crisis-talk = Besoin de parler à quelqu’un maintenant :
crisis-choose_country = Choisissez votre pays pour voir ses numéros d’urgence et ses lignes de crise

home-heading = Trouvez de l’aide en santé mentale près de chez vous
home-intro = Choisissez votre pays pour voir les numéros d’urgence, les lignes d’écoute et chats, la thérapie en ligne, les services de santé mentale, les groupes de soutien et les communautés en ligne accessibles depuis ce pays.
home-country_label = Votre pays
home-country_placeholder = Choisissez un pays
home-country_submit = Afficher l’aide
home-kinds_heading = Cinq types d’aide

country-heading = Aide en santé mentale : { $country }
country-none_yet = Rien n’est encore répertorié pour { $country }.
country-only_in = Uniquement : { $areas }

emergency-heading = Numéros d’urgence
emergency-general = Urgences
emergency-police = Police
emergency-ambulance = Ambulance
emergency-fire = Pompiers
emergency-unknown_call = pas de numéro distinct trouvé ; appelez le { $number }
emergency-not_known = inconnu
emergency-official_source = Source officielle
emergency-secondary_source = Source (page non officielle)
emergency-more_sources = Autres sources :
emergency-confirmed = confirmé le { $date }
emergency-unconfirmed_secondary = Non confirmé : nous n’avons trouvé aucune page officielle pour ces numéros.
emergency-unconfirmed_undated = Non confirmé : la page officielle n’est pas datée.
emergency-unconfirmed_old = Non confirmé : la page officielle date du { $date }.
emergency-unknown = Nous ne connaissons pas le numéro d’urgence de ce pays. Si vous êtes en danger, appelez le numéro d’urgence local ou rendez-vous à l’hôpital le plus proche.

source-label = Source :
source-link = source
source-checked = vérifié le { $date }

service-run_by = Géré par
service-contact = Comment le joindre
service-open_now = Ouvert en ce moment
service-not_open_now = Fermé en ce moment
service-timezone = Les horaires sont à l’heure locale : { $zone }.
service-open_alternatives = Ouverts en ce moment
service-who = Qui peut l’utiliser
service-areas = Où
service-eligibility = Conditions
service-eligibility_note = Bon à savoir
service-cost = Coût
service-languages = Langues
service-topics = Aide pour
service-audiences = Pour
service-website = Site web
service-verified = Vérifié sur la page de l’organisme lui-même le { $date }.
service-source_date = (la page est datée du { $date })
service-unverified = Issu d’une liste tierce, vérifié le { $date } ; pas encore confirmé par l’organisme.
service-stale = Cette fiche n’a pas été comparée à sa source depuis plus de 12 mois : appelez ou consultez le site web avant de vous fier aux horaires.

channel-open = ouvert
channel-closed = fermé
channel-hours_unknown = horaires non publiés

hours-always = 24 h sur 24, tous les jours
hours-closed = fermé

day-every = Tous les jours

area-world = Monde entier
area-radius = Dans un rayon de { $km } km

eligibility-residents = Pour les résidents de : { $areas }
eligibility-min_age = à partir de { $age } ans
eligibility-max_age = jusqu’à { $age } ans

error-not_found-title = Page introuvable
error-not_found-detail = Nous n’avons pas trouvé cette page. L’aide urgente ci-dessus reste à votre disposition.
error-bad_request-title = Nous n’avons pas compris cette demande
error-server-title = Un problème est survenu
error-server-detail = Un problème est survenu de notre côté. Si vous avez besoin d’aide maintenant, appelez le numéro d’urgence local.
error-go_home = Aller à la page d’accueil
error-unknown_interface_language = « { $value } » n’est pas une langue dans laquelle ce site est écrit. Disponibles : { $valid }.
error-unknown_country = « { $code } » n’est pas un pays que nous connaissons. Veuillez choisir un pays dans la liste.

kind-online-therapy = Thérapie en ligne
kind-in-person = Services en présentiel
kind-support-groups = Groupes de soutien
kind-helplines = Lignes d’écoute et chats
kind-communities = Communautés en ligne

kind-intro-online-therapy = Thérapie avec un professionnel par vidéo ou téléphone, et programmes en ligne guidés par un thérapeute (TCC en ligne).
kind-intro-in-person = Services de santé mentale où l’on se rend : centres de consultation, équipes de secteur, permanences de soins et urgences.
kind-intro-support-groups = Groupes de personnes ayant vécu des expériences semblables, qui se réunissent en personne ou en ligne pour s’entraider.
kind-intro-helplines = Lignes téléphoniques, SMS et chats où une personne vous écoute, y compris les lignes de crise, gratuitement et sans rendez-vous.
kind-intro-communities = Forums et communautés en ligne où les gens s’entraident, certains modérés par des professionnels.

topic-suicidal-thoughts = Pensées suicidaires
topic-self-harm = Automutilation
topic-anxiety = Anxiété
topic-panic = Crises de panique
topic-social-anxiety = Anxiété sociale
topic-generalised-anxiety = Anxiété généralisée
topic-phobias = Phobies
topic-depression = Dépression
topic-ptsd-trauma = TSPT et traumatismes
topic-insomnia = Troubles du sommeil
topic-ocd = TOC
topic-eating-disorders = Troubles des conduites alimentaires
topic-bipolar = Trouble bipolaire
topic-psychosis = Psychose
topic-adhd = TDAH
topic-substance-use = Drogues et consommation de substances
topic-alcohol = Alcool
topic-gambling = Jeux d’argent
topic-grief = Deuil et perte
topic-loneliness = Solitude
topic-stress = Stress au quotidien
topic-relationships = Vie de couple
topic-family = Famille
topic-abuse-violence = Maltraitance et violence
topic-sexual-violence = Violences sexuelles
topic-bullying = Harcèlement
topic-gender-sexuality = Genre et sexualité
topic-perinatal-parenting = Grossesse et parentalité
topic-physical-illness = Vivre avec une maladie
topic-money-worries = Soucis d’argent
topic-work-study = Travail et études

audience-children = Enfants
audience-young-people = Jeunes
audience-students = Étudiants
audience-adults = Adultes
audience-older-people = Personnes âgées
audience-men = Hommes
audience-women = Femmes
audience-lgbtq = Personnes LGBTQ+
audience-veterans = Anciens combattants
audience-parents = Parents d’enfants
audience-carers = Proches aidants
audience-indigenous = Peuples autochtones
audience-migrants-refugees = Migrants et réfugiés
audience-deaf-hard-of-hearing = Personnes sourdes ou malentendantes
audience-health-workers = Soignants

channel-phone = Téléphone
channel-sms = SMS
channel-chat = Chat en ligne
channel-video = Vidéo
channel-email = E-mail
channel-messaging = Messagerie instantanée
channel-app = Application
channel-web-program = Site web
channel-in-person = En personne

cost-free = Gratuit
cost-public-coverage = Pris en charge par l’assurance maladie publique
cost-low-cost = Peu coûteux
cost-sliding-scale = Tarif selon les revenus
cost-private-insurance = Assurance privée
cost-paid = Payant

referral-none = sans orientation médicale
referral-self-referral = accès direct
referral-gp = sur orientation du médecin traitant
referral-any-doctor = sur orientation d’un médecin

nav-articles = Les types d’aide
nav-language = Langue
nav-languages = Lire cette page en
country-search_label = Chercher de l’aide ici
country-search_submit = Chercher
country-place_label = Votre ville ou région
country-place_submit = Trouver
country-see_all = Voir les { $n }
error-unknown_city = Nous ne connaissons pas cette ville en { $country }. Veuillez choisir à nouveau votre lieu.
error-unknown_region = Nous ne connaissons pas cette région en { $country }. Veuillez choisir à nouveau votre lieu.

results-heading-online-therapy = Thérapie en ligne : { $place }
results-heading-in-person = Services en présentiel près de { $place }
results-heading-support-groups = Groupes de soutien : { $place }
results-heading-helplines = Lignes d’écoute et chats : { $place }
results-heading-communities = Communautés en ligne : { $place }
results-heading-search = Chercher de l’aide : { $place }
results-article-online-therapy = La thérapie en ligne est-elle efficace ?
results-article-in-person = À propos des soins en présentiel
results-article-support-groups = Les groupes de soutien aident-ils ?
results-article-helplines = Que se passe-t-il quand on appelle une ligne d’écoute ?
results-article-communities = À propos des communautés en ligne
results-change_place = Changer de lieu
results-crisis_heading = Si vous pensez au suicide ou à vous faire du mal
results-search_label = Rechercher
results-filters = Filtres
results-apply = Afficher les résultats
results-clear = Effacer les filtres
results-count = { $n ->
    [one] { $n } résultat
   *[other] { $n } résultats
}
results-none = Rien ne correspond à ces filtres pour { $place }.
results-other_kinds = Autres types d’aide disponibles ici :
results-by_kind = Par type d’aide :
results-open_now = Ouvert en ce moment
results-distance = à { $km } km
results-pages = Pages
results-prev = Page précédente
results-next = Page suivante
results-page_of = Page { $page }

filter-when = Quand
filter-open_now = Ouvert en ce moment
filter-always_open = Ouvert 24 h/24, 7 j/7
filter-topic = Aide pour
filter-channel = Moyen de contact
filter-cost = Coût
filter-audience = Pour
filter-by = Assuré par
filter-lang = Langue

by-professionals = Professionnels
by-trained-volunteers = Bénévoles formés
by-peers = Pairs

places-title = Choisissez votre lieu
places-hint = Tapez le nom de votre commune, ville ou région.
places-none = Aucun lieu nommé « { $query } ». Essayez une autre orthographe ou une ville plus grande à proximité.
places-use_location = Utiliser ma position

articles-title = Les types d’aide
articles-updated = Mis à jour le { $date }

lang-asl = langue des signes américaine
lang-bsl = langue des signes britannique

error-address_too_long = L’adresse est trop longue (plus de { $max } caractères).
error-too_many_values = Trop de valeurs pour « { $param } ».
error-bad_number = « { $value } » n’est pas une valeur valide pour « { $param } ».
error-query_too_long = Le texte recherché dépasse { $value } caractères.
error-bad_language = « { $value } » n’est pas un code de langue (comme en ou nb).
error-bad_page = Le numéro de page doit être compris entre 1 et { $value }.
error-unknown_code = « { $value } » n’est pas une valeur connue pour : { $vocabulary }. Valeurs valides : { $valid }.
vocabulary-kind = type d’aide
vocabulary-topic = thème
vocabulary-audience = public
vocabulary-channel = moyen de contact
vocabulary-cost = coût
vocabulary-delivered-by = type d’intervenant
vocabulary-form = format
vocabulary-moderation = modération
vocabulary-referral = orientation
vocabulary-status = statut
error-place_too_long = Le nom du lieu dépasse { $max } caractères.
error-bad_coordinates = « lat » doit être un nombre de -90 à 90 et « lon » un nombre de -180 à 180.
places-none_near = Aucune ville connue près de ce point.
filter-you = Vous concernant
filter-age = Votre âge
filter-resident = J’habite : { $place }

report-link = Signaler un problème sur cette fiche
report-title = Signaler un problème : { $name }
report-heading = Signaler un problème : { $name }
report-intro = Dites-nous ce qui ne va pas : un membre de l’équipe éditoriale vérifiera auprès des informations du service lui-même. Aucun compte n’est nécessaire. Nous ne gardons que ce que vous écrivez ici, rien sur vous ni sur votre appareil.
report-reason = Qu’est-ce qui ne va pas ?
report-reason-number-does-not-work = Un numéro ou un lien ne fonctionne pas
report-reason-closed = Le service a fermé
report-reason-wrong-hours = Les horaires sont faux
report-reason-wrong-address = L’adresse est fausse
report-reason-harmful = C’est nuisible, ou ce n’est pas un service de santé mentale
report-reason-other = Autre chose
report-channel = Quel moyen de contact est concerné ? (facultatif)
report-channel_none = Aucun en particulier
report-detail = Qu’avez-vous constaté ? (facultatif ; obligatoire pour « Autre chose »)
report-detail_hint = Jusqu’à { $max } caractères. Merci de ne rien indiquer sur votre santé.
report-submit = Envoyer le signalement
suggest-link = Vous connaissez un service absent ? Proposez-le
suggest-title = Proposer un service : { $country }
suggest-heading = Proposer un service : { $country }
suggest-intro = Parlez-nous d’une aide en santé mentale qui n’est pas encore répertoriée. L’équipe éditoriale vérifie chaque proposition auprès des informations du service lui-même avant de la publier. Aucun compte n’est nécessaire et nous ne gardons que ce que vous écrivez ici.
suggest-name = Nom du service
suggest-kind = Type d’aide
suggest-kind_unknown = Je ne sais pas
suggest-reach = Comment le joindre
suggest-reach_hint = Numéros de téléphone, site web, chat ou adresse : tout ce que vous savez.
suggest-who = À qui il s’adresse (facultatif)
suggest-place = Où (facultatif) : une ville, une région ou tout le pays
suggest-source = Un lien vers la page du service lui-même (facultatif)
suggest-submit = Envoyer la proposition
feedback-contact = Votre adresse e-mail (facultatif)
feedback-contact_hint = Seulement si vous souhaitez une réponse. Elle n’est vue que par l’équipe éditoriale et ne sert à rien d’autre.
feedback-honeypot = Laissez ce champ vide
feedback-not_sent = Pas encore envoyé : veuillez vérifier
feedback-kept = Tout ce que vous avez écrit se trouve toujours dans le formulaire ci-dessous.
feedback-trap = Le champ « Laissez ce champ vide » a été rempli, comme le font les robots de spam. Videz-le et renvoyez le formulaire.
feedback-too_fast = Le formulaire a été envoyé moins de { $seconds } secondes après son ouverture, comme le font les robots de spam. Vérifiez-le et renvoyez-le.
feedback-expired = Ce formulaire est resté ouvert plus d’un jour ou ne vient pas de chez nous. Vérifiez-le et renvoyez-le.
feedback-field-reason = Ce qui ne va pas
feedback-field-channel = Moyen de contact
feedback-field-detail = Ce que vous avez constaté
feedback-field-contact = Adresse e-mail
feedback-field-name = Nom
feedback-field-kind = Type d’aide
feedback-field-reach = Comment le joindre
feedback-field-who = À qui il s’adresse
feedback-field-place = Où
feedback-field-source_url = Lien
feedback-back_to = Retour à { $name }
feedback-limited-title = Trop de formulaires envoyés
feedback-limited-detail = De nombreux formulaires ont été envoyés depuis cette connexion en peu de temps ; celui-ci n’a donc pas été accepté. Réessayez dans { $minutes } minutes. Si vous avez besoin d’aide maintenant, les numéros ci-dessus restent disponibles.
feedback-sent-report = Merci : votre signalement a été envoyé
feedback-sent-suggestion = Merci : votre proposition a été envoyée
feedback-sent-report_next = Un membre de l’équipe éditoriale comparera la fiche aux informations du service lui-même et la corrigera, généralement en quelques jours. Les signalements d’une ligne de crise qui ne répond pas ou qui a fermé sont traités en priorité. Nous ne répondons que si vous avez donné une adresse e-mail.
feedback-sent-suggestion_next = Un membre de l’équipe éditoriale vérifiera le service auprès de ses propres informations avant de l’ajouter, généralement en quelques semaines. Nous ne répondons que si vous avez donné une adresse e-mail.
feedback-sent-need_help = Si vous avez besoin de parler à quelqu’un maintenant
feedback-sent-open_now = Ces lignes de crise sont ouvertes en ce moment :
feedback-sent-none_open = Nous ne connaissons aucune ligne de crise ouverte en ce moment.
feedback-sent-all_lines = Voir toutes les lignes d’écoute

service-from_feed = Source : { $feed },
service-feed_updated = mis à jour le { $date }.
service-feed_licence = Licence : { $licence }.
error-busy-title = Trop de recherches en même temps
error-busy-detail = Cette recherche n’a pas pu être faite pour l’instant, car beaucoup de personnes cherchent en ce moment. Réessayez dans quelques secondes. Si vous avez besoin d’aide maintenant, appelez le numéro d’urgence ci-dessus.
error-busy-country = Voir les lignes d’écoute et les numéros d’urgence de ce pays
results-call = Appeler le { $number }
results-text = Envoyer un SMS au { $number }
results-no_match = Aucun résultat pour « { $query } » en { $place }.
results-general_support = Ces lignes écoutent toute personne qui a besoin de parler, quel que soit le sujet :
text-in_language = (en { $language })
articles-other_languages = Cet article en :
