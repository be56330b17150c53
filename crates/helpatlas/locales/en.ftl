# English message catalogue (Project Fluent). Message ids are the code's keys with dots written as
# hyphens: the code asks for "site.name", this file defines site-name. Every other catalogue has
# exactly these ids and uses only the variables the English message uses.

site-name = Help Atlas
site-description = Find mental-health help where you live: helplines, online therapy, services, groups and communities.

nav-skip = Skip to content

exit-label = Quick exit

footer-privacy = This site sets no cookies, uses no trackers and does not record what you search for.
footer-exit_hint = Quick exit: the button at the top leaves this site at once. With JavaScript on, pressing Escape does the same.
footer-data = Directory data is open and every entry names its source. Emergency numbers can change: if in doubt, the local emergency number is 112 in most of Europe and 911 in North America.

crisis-label = Urgent help
crisis-danger = In danger right now?
crisis-call = Call
crisis-international = In danger right now? Call your local emergency number: 112 works in most of Europe and on many mobile networks, 911 in North America, 999 in the UK, 000 in Australia.
crisis-talk = Need to talk to someone now:
crisis-choose_country = Choose your country to see its emergency numbers and crisis lines

home-heading = Find mental-health help where you live
home-intro = Choose your country to see emergency numbers, helplines and chats, online therapy, mental-health services, support groups and online communities you can use from there.
home-country_label = Your country
home-country_placeholder = Choose a country
home-country_submit = Show help
home-kinds_heading = Five kinds of help

country-heading = Mental-health help in { $country }
country-none_yet = None listed for { $country } yet.
country-only_in = Only in: { $areas }

emergency-heading = Emergency numbers
emergency-general = Emergency
emergency-police = Police
emergency-ambulance = Ambulance
emergency-fire = Fire
emergency-unknown_call = no separate number found; call { $number }
emergency-not_known = not known
emergency-official_source = Official source
emergency-secondary_source = Source (not an official page)
emergency-more_sources = More sources:
emergency-confirmed = confirmed on { $date }
emergency-unconfirmed_secondary = Unconfirmed: we found no official page for these numbers.
emergency-unconfirmed_undated = Unconfirmed: the official page shows no date.
emergency-unconfirmed_old = Unconfirmed: the official page dates from { $date }.
emergency-unknown = We do not have this country's emergency number. If you are in danger, call the local emergency number or go to the nearest hospital.

source-label = Source:
source-link = source
source-checked = checked { $date }

service-run_by = Run by
service-contact = How to reach it
service-open_now = Open now
service-not_open_now = Not open right now
service-timezone = Hours are local time in { $zone }.
service-open_alternatives = Open now instead
service-who = Who can use it
service-areas = Where
service-eligibility = Eligibility
service-eligibility_note = Good to know
service-cost = Cost
service-languages = Languages
service-topics = Helps with
service-audiences = For
service-website = Website
service-verified = Checked with the organisation's own page on { $date }.
service-source_date = (the page is dated { $date })
service-unverified = From a third-party list, checked { $date }; not yet confirmed by the organisation.
service-stale = This listing has not been checked against its source for over 12 months: call or check the website before relying on the hours.

channel-open = open now
channel-closed = closed now
channel-hours_unknown = hours not published

hours-always = 24 hours, every day
hours-closed = closed

day-every = Every day

area-world = Worldwide
area-radius = Within { $km } km

eligibility-residents = For residents of { $areas }
eligibility-min_age = { $age }+
eligibility-max_age = up to { $age }

error-not_found-title = Page not found
error-not_found-detail = We could not find that page. The urgent help above is still there for you.
error-bad_request-title = We could not understand that request
error-server-title = Something went wrong
error-server-detail = Something went wrong on our side. If you need help now, call your local emergency number.
error-go_home = Go to the start page
error-unknown_interface_language = “{ $value }” is not a language this site is written in. Available: { $valid }.
error-unknown_country = “{ $code }” is not a country we know. Please choose a country from the list.

kind-online-therapy = Online therapy
kind-in-person = In-person services
kind-support-groups = Support groups
kind-helplines = Helplines and chats
kind-communities = Online communities

kind-intro-online-therapy = Therapy with a professional by video or phone, and therapist-guided internet programs (iCBT).
kind-intro-in-person = Mental-health services you visit: clinics, community teams, out-of-hours and emergency care.
kind-intro-support-groups = Groups of people with shared experience who meet, in person or online, to support each other.
kind-intro-helplines = Phone, text and chat lines where a person listens, including crisis lines, free and without an appointment.
kind-intro-communities = Online forums and communities where people support each other, some moderated by professionals.

topic-suicidal-thoughts = Suicidal thoughts
topic-self-harm = Self-harm
topic-anxiety = Anxiety
topic-panic = Panic
topic-social-anxiety = Social anxiety
topic-generalised-anxiety = Generalised anxiety
topic-phobias = Phobias
topic-depression = Depression
topic-ptsd-trauma = PTSD and trauma
topic-insomnia = Sleep problems
topic-ocd = OCD
topic-eating-disorders = Eating disorders
topic-bipolar = Bipolar disorder
topic-psychosis = Psychosis
topic-adhd = ADHD
topic-substance-use = Drugs and substance use
topic-alcohol = Alcohol
topic-gambling = Gambling
topic-grief = Grief and loss
topic-loneliness = Loneliness
topic-stress = Stress
topic-relationships = Relationships
topic-family = Family
topic-abuse-violence = Abuse and violence
topic-sexual-violence = Sexual violence
topic-bullying = Bullying
topic-gender-sexuality = Gender and sexuality
topic-perinatal-parenting = Pregnancy and parenting
topic-physical-illness = Living with illness
topic-money-worries = Money worries
topic-work-study = Work and study

audience-children = Children
audience-young-people = Young people
audience-students = Students
audience-adults = Adults
audience-older-people = Older people
audience-men = Men
audience-women = Women
audience-lgbtq = LGBTQ+ people
audience-veterans = Veterans
audience-parents = Parents
audience-carers = Carers
audience-indigenous = Indigenous people
audience-migrants-refugees = Migrants and refugees
audience-deaf-hard-of-hearing = Deaf and hard-of-hearing people
audience-health-workers = Health workers

channel-phone = Phone
channel-sms = Text message
channel-chat = Chat
channel-video = Video
channel-email = Email
channel-messaging = Messaging app
channel-app = App
channel-web-program = Website
channel-in-person = In person

cost-free = Free
cost-public-coverage = Covered by the public health service
cost-low-cost = Low cost
cost-sliding-scale = Sliding scale
cost-private-insurance = Private insurance
cost-paid = Paid

referral-none = no referral needed
referral-self-referral = refer yourself
referral-gp = referral from a GP needed
referral-any-doctor = referral from a doctor needed

nav-articles = About the kinds of help
nav-language = Language
nav-languages = Read this page in

country-search_label = Search help here
country-search_submit = Search
country-place_label = Your town or region
country-place_submit = Find
country-see_all = See all { $n }

error-unknown_city = That city is not one we know in { $country }. Please choose your place again.
error-unknown_region = That region is not one we know in { $country }. Please choose your place again.

results-heading-online-therapy = Online therapy for { $place }
results-heading-in-person = In-person services near { $place }
results-heading-support-groups = Support groups in { $place }
results-heading-helplines = Helplines and chats for { $place }
results-heading-communities = Online communities for { $place }
results-heading-search = Search help in { $place }
results-article-online-therapy = Is online therapy effective?
results-article-in-person = About in-person care
results-article-support-groups = Do support groups help?
results-article-helplines = What happens when you call a helpline?
results-article-communities = About online communities
results-change_place = Change place
results-crisis_heading = If you are thinking about suicide or hurting yourself
results-search_label = Search
results-filters = Filters
results-apply = Show results
results-clear = Clear filters
results-count = { $n } found
results-none = Nothing matches these filters for { $place }.
results-other_kinds = Other kinds of help available here:
results-by_kind = By kind of help:
results-open_now = Open now
results-distance = { $km } km away
results-pages = Pages
results-prev = Previous page
results-next = Next page
results-page_of = Page { $page }

filter-when = When
filter-open_now = Open now
filter-always_open = Open 24/7
filter-topic = Helps with
filter-channel = How to reach
filter-cost = Cost
filter-audience = For
filter-by = Delivered by
filter-lang = Language

by-professionals = Professionals
by-trained-volunteers = Trained volunteers
by-peers = Peers

places-title = Choose your place
places-hint = Type the name of your town, city or region.
places-none = No place called “{ $query }” found. Try another spelling, or a nearby larger town.
places-use_location = Use my location

articles-title = About the kinds of help
articles-updated = Updated { $date }

lang-asl = American Sign Language
lang-bsl = British Sign Language

error-address_too_long = The address is too long (over { $max } characters).
error-too_many_values = Too many values for “{ $param }”.
error-bad_number = “{ $value }” is not a valid value for “{ $param }”.
error-query_too_long = The search text is longer than { $value } characters.
error-bad_language = “{ $value }” is not a language code (such as en or nb).
error-bad_page = The page number must be between 1 and { $value }.
error-unknown_code = “{ $value }” is not a { $vocabulary } we know. Valid values: { $valid }.

vocabulary-kind = kind of help
vocabulary-topic = topic
vocabulary-audience = audience
vocabulary-channel = channel
vocabulary-cost = cost
vocabulary-delivered-by = provider type
vocabulary-form = form
vocabulary-moderation = moderation
vocabulary-referral = referral
vocabulary-status = status

error-place_too_long = The place name is longer than { $max } characters.
error-bad_coordinates = “lat” must be a number from -90 to 90 and “lon” a number from -180 to 180.

places-none_near = No city is known near that point.

filter-you = About you
filter-age = Your age
filter-resident = I live in { $place }

report-link = Report a problem with this listing
report-title = Report a problem: { $name }
report-heading = Report a problem with { $name }
report-intro = Tell us what is wrong and an editor will check it against the service's own information. You need no account. We keep only what you type here: nothing about you or your device.
report-reason = What is wrong?
report-reason-number-does-not-work = A number or link does not work
report-reason-closed = The service has closed
report-reason-wrong-hours = The opening hours are wrong
report-reason-wrong-address = The address is wrong
report-reason-harmful = It is harmful, or not a mental-health service
report-reason-other = Something else
report-channel = Which contact is it about? (optional)
report-channel_none = Not one in particular
report-detail = What did you find? (optional; needed for "Something else")
report-detail_hint = Up to { $max } characters. Please do not include details about your health.
report-submit = Send report

suggest-link = Know a service we are missing? Suggest it
suggest-title = Suggest a service in { $country }
suggest-heading = Suggest a service in { $country }
suggest-intro = Tell us about mental-health help that is not listed yet. An editor checks every suggestion against the service's own information before it is published. You need no account, and we keep only what you type here.
suggest-name = Name of the service
suggest-kind = Kind of help
suggest-kind_unknown = Not sure
suggest-reach = How to reach it
suggest-reach_hint = Phone numbers, website, chat or address: as much as you know.
suggest-who = Who it helps (optional)
suggest-place = Where (optional): a town, region, or the whole country
suggest-source = A link to the service's own page (optional)
suggest-submit = Send suggestion

feedback-contact = Your email address (optional)
feedback-contact_hint = Only if you want a reply. It is seen by the editors and used for nothing else.
feedback-honeypot = Leave this empty
feedback-not_sent = Not sent yet: please check
feedback-kept = Everything you typed is still in the form below.
feedback-trap = The field "Leave this empty" was filled in, which automatic spam does. Empty it and send the form again.
feedback-too_fast = The form came back within { $seconds } seconds of opening, which is what automatic spam does. Please check it and send it again.
feedback-expired = This form was open for more than a day or is not one of ours. Please check it and send it again.
feedback-field-reason = What is wrong
feedback-field-channel = Which contact
feedback-field-detail = What you found
feedback-field-contact = Email address
feedback-field-name = Name
feedback-field-kind = Kind of help
feedback-field-reach = How to reach it
feedback-field-who = Who it helps
feedback-field-place = Where
feedback-field-source_url = Link
feedback-back_to = Back to { $name }
feedback-limited-title = Too many forms sent
feedback-limited-detail = Many forms were sent from this connection in a short time, so this one was not accepted. Please try again in { $minutes } minutes. If you need help now, the numbers above are always there.
feedback-sent-report = Thank you: your report was sent
feedback-sent-suggestion = Thank you: your suggestion was sent
feedback-sent-report_next = An editor will check the listing against the service's own information and correct it, usually within a few days. Reports that a crisis line does not answer or has closed are checked first. We only write back if you gave an email address.
feedback-sent-suggestion_next = An editor will check the service against its own information before listing it, usually within a few weeks. We only write back if you gave an email address.
feedback-sent-need_help = If you need to talk to someone now
feedback-sent-open_now = These crisis lines are open now:
feedback-sent-none_open = We know of no crisis line open at this moment.
feedback-sent-all_lines = See all helplines

service-from_feed = From { $feed },
service-feed_updated = updated { $date }.
service-feed_licence = Licence: { $licence }.
error-busy-title = Too many searches at once
error-busy-detail = This search could not be made right now because many people are searching. Please try again in a few seconds. If you need help now, call the emergency number above.
error-busy-country = See this country's helplines and emergency numbers
results-call = Call { $number }
results-text = Text { $number }
results-no_match = Nothing matched “{ $query }” in { $place }.
results-general_support = These lines listen to anyone who needs to talk, whatever it is about:
text-in_language = (in { $language })
articles-other_languages = This article in:
