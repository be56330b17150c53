# فهرس الرسائل بالعربية. المعرّفات نفسها كما في en.ftl.

site-name = Help Atlas
site-description = اعثر على مساعدة في الصحة النفسية حيث تعيش: خطوط مساعدة وعلاج عبر الإنترنت وخدمات ومجموعات ومجتمعات.

nav-skip = انتقل إلى المحتوى

exit-label = خروج سريع

footer-privacy = لا يضع هذا الموقع ملفات تعريف ارتباط ولا يستخدم أدوات تتبّع ولا يسجّل ما تبحث عنه.
footer-exit_hint = الخروج السريع: الزر في أعلى الصفحة يغادر هذا الموقع فورًا. وإذا كانت JavaScript مفعّلة فإن مفتاح Escape يؤدي الشيء نفسه.
footer-data = بيانات الدليل مفتوحة، وكل إدخال يذكر مصدره. قد تتغير أرقام الطوارئ: عند الشك، رقم الطوارئ المحلي هو 112 في معظم أوروبا و911 في أمريكا الشمالية.

crisis-label = مساعدة عاجلة
crisis-danger = هل أنت في خطر الآن؟
crisis-call = اتصل بالرقم
crisis-international = هل أنت في خطر الآن؟ اتصل برقم الطوارئ المحلي: يعمل 112 في معظم أوروبا وعلى كثير من شبكات الهاتف المحمول، و911 في أمريكا الشمالية، و999 في المملكة المتحدة، و000 في أستراليا.
crisis-talk = هل تحتاج إلى التحدث مع أحد الآن؟
crisis-choose_country = اختر بلدك لترى أرقام الطوارئ وخطوط الأزمات فيه

home-heading = اعثر على مساعدة في الصحة النفسية حيث تعيش
home-intro = اختر بلدك لترى أرقام الطوارئ وخطوط المساعدة والدردشة والعلاج عبر الإنترنت وخدمات الصحة النفسية ومجموعات الدعم والمجتمعات الإلكترونية التي يمكنك استخدامها من هناك.
home-country_label = بلدك
home-country_placeholder = اختر بلدًا
home-country_submit = اعرض المساعدة
home-kinds_heading = خمسة أنواع من المساعدة

country-heading = مساعدة في الصحة النفسية في { $country }
country-none_yet = لا توجد إدخالات لـ { $country } بعد.
country-only_in = فقط في: { $areas }

emergency-heading = أرقام الطوارئ
emergency-general = الطوارئ
emergency-police = الشرطة
emergency-ambulance = الإسعاف
emergency-fire = الإطفاء
emergency-unknown_call = لم نجد رقمًا مستقلًا؛ اتصل بالرقم { $number }
emergency-not_known = غير معروف
emergency-official_source = المصدر الرسمي
emergency-secondary_source = المصدر (ليس صفحة رسمية)
emergency-more_sources = مصادر أخرى:
emergency-confirmed = تم التأكيد في { $date }
emergency-unconfirmed_secondary = غير مؤكَّد: لم نجد صفحة رسمية لهذه الأرقام.
emergency-unconfirmed_undated = غير مؤكَّد: الصفحة الرسمية لا تحمل تاريخًا.
emergency-unconfirmed_old = غير مؤكَّد: الصفحة الرسمية تعود إلى { $date }.
emergency-unknown = ليس لدينا رقم الطوارئ في هذا البلد. إذا كنت في خطر، فاتصل برقم الطوارئ المحلي أو توجّه إلى أقرب مستشفى.

source-label = المصدر:
source-link = المصدر
source-checked = تم التحقق في { $date }

service-run_by = تديرها
service-contact = كيف تتواصل معها
service-open_now = مفتوحة الآن
service-not_open_now = مغلقة في هذه اللحظة
service-timezone = الأوقات بالتوقيت المحلي في { $zone }.
service-open_alternatives = بدائل مفتوحة الآن
service-who = من يمكنه الاستفادة منها
service-areas = أين
service-eligibility = شروط الاستفادة
service-eligibility_note = من المفيد أن تعرف
service-cost = التكلفة
service-languages = اللغات
service-topics = تساعد في
service-audiences = موجَّهة إلى
service-website = الموقع الإلكتروني
service-verified = تم التحقق من صفحة الجهة نفسها في { $date }.
service-source_date = (تاريخ الصفحة { $date })
service-unverified = مأخوذة من قائمة لطرف آخر، وتم التحقق في { $date }؛ ولم تؤكدها الجهة بعد.
service-stale = لم تُراجَع هذه البيانات مقارنةً بمصدرها منذ أكثر من 12 شهرًا: اتصل أو راجع الموقع الإلكتروني قبل الاعتماد على الأوقات.

channel-open = مفتوح الآن
channel-closed = مغلق الآن
channel-hours_unknown = الأوقات غير منشورة

hours-always = على مدار الساعة، كل يوم
hours-closed = مغلق

day-every = كل يوم

area-world = في كل أنحاء العالم
area-radius = ضمن { $km } كم

eligibility-residents = للمقيمين في { $areas }
eligibility-min_age = من سن { $age } فما فوق
eligibility-max_age = حتى سن { $age }

error-not_found-title = الصفحة غير موجودة
error-not_found-detail = لم نتمكن من العثور على هذه الصفحة. المساعدة العاجلة في الأعلى ما زالت متاحة لك.
error-bad_request-title = لم نتمكن من فهم هذا الطلب
error-server-title = حدث خطأ ما
error-server-detail = حدث خطأ من جهتنا. إذا كنت تحتاج إلى مساعدة الآن، فاتصل برقم الطوارئ المحلي.
error-go_home = اذهب إلى الصفحة الرئيسية
error-unknown_interface_language = «{ $value }» ليست لغة كُتب بها هذا الموقع. اللغات المتاحة: { $valid }.
error-unknown_country = «{ $code }» ليس بلدًا نعرفه. يُرجى اختيار بلد من القائمة.

kind-online-therapy = العلاج عبر الإنترنت
kind-in-person = خدمات حضورية
kind-support-groups = مجموعات الدعم
kind-helplines = خطوط المساعدة والدردشة
kind-communities = مجتمعات عبر الإنترنت

kind-intro-online-therapy = علاج مع مختص عبر الفيديو أو الهاتف، وبرامج على الإنترنت بإشراف معالج (العلاج المعرفي السلوكي عبر الإنترنت).
kind-intro-in-person = خدمات صحة نفسية تزورها بنفسك: عيادات وفرق مجتمعية ورعاية خارج أوقات الدوام ورعاية طارئة.
kind-intro-support-groups = مجموعات من أشخاص مرّوا بتجارب متشابهة يلتقون حضوريًا أو عبر الإنترنت ليساند بعضهم بعضًا.
kind-intro-helplines = خطوط هاتف ورسائل ودردشة يستمع فيها إليك شخص، ومنها خطوط الأزمات، مجانًا ومن دون موعد.
kind-intro-communities = منتديات ومجتمعات على الإنترنت يساند فيها الناس بعضهم بعضًا، وبعضها يشرف عليه مختصون.

topic-suicidal-thoughts = أفكار انتحارية
topic-self-harm = إيذاء النفس
topic-anxiety = القلق
topic-panic = نوبات الهلع
topic-social-anxiety = القلق الاجتماعي
topic-generalised-anxiety = القلق العام
topic-phobias = الرهاب
topic-depression = الاكتئاب
topic-ptsd-trauma = اضطراب ما بعد الصدمة والصدمات
topic-insomnia = مشكلات النوم
topic-ocd = الوسواس القهري
topic-eating-disorders = اضطرابات الأكل
topic-bipolar = الاضطراب ثنائي القطب
topic-psychosis = الذهان
topic-adhd = اضطراب فرط الحركة وتشتت الانتباه
topic-substance-use = المخدرات وتعاطي المواد
topic-alcohol = الكحول
topic-gambling = القمار
topic-grief = الحزن والفقد
topic-loneliness = الوحدة
topic-stress = الضغط النفسي
topic-relationships = العلاقات
topic-family = الأسرة
topic-abuse-violence = الإساءة والعنف
topic-sexual-violence = العنف الجنسي
topic-bullying = التنمّر
topic-gender-sexuality = النوع الاجتماعي والجنسانية
topic-perinatal-parenting = الحمل والأبوة والأمومة
topic-physical-illness = العيش مع المرض
topic-money-worries = الهموم المالية
topic-work-study = العمل والدراسة

audience-children = الأطفال
audience-young-people = الشباب
audience-students = الطلاب
audience-adults = البالغون
audience-older-people = كبار السن
audience-men = الرجال
audience-women = النساء
audience-lgbtq = مجتمع الميم
audience-veterans = المحاربون القدامى
audience-parents = الآباء والأمهات
audience-carers = مقدّمو الرعاية
audience-indigenous = الشعوب الأصلية
audience-migrants-refugees = المهاجرون واللاجئون
audience-deaf-hard-of-hearing = الصمّ وضعاف السمع
audience-health-workers = العاملون في القطاع الصحي

channel-phone = الهاتف
channel-sms = رسالة نصية
channel-chat = الدردشة
channel-video = الفيديو
channel-email = البريد الإلكتروني
channel-messaging = تطبيق مراسلة
channel-app = تطبيق
channel-web-program = موقع إلكتروني
channel-in-person = حضوريًا

cost-free = مجانية
cost-public-coverage = يغطيها النظام الصحي العام
cost-low-cost = منخفضة التكلفة
cost-sliding-scale = رسوم حسب الدخل
cost-private-insurance = تأمين صحي خاص
cost-paid = مدفوعة

referral-none = لا حاجة إلى إحالة
referral-self-referral = يمكنك التقدّم بنفسك
referral-gp = تلزم إحالة من طبيب الأسرة
referral-any-doctor = تلزم إحالة من طبيب

nav-articles = عن أنواع المساعدة
nav-language = اللغة
nav-languages = اقرأ هذه الصفحة بلغة أخرى
country-search_label = ابحث عن مساعدة هنا
country-search_submit = ابحث
country-place_label = مدينتك أو منطقتك
country-place_submit = اعثر
country-see_all = اعرض الكل ({ $n })
error-unknown_city = لا نعرف هذه المدينة في { $country }. يُرجى اختيار مكانك من جديد.
error-unknown_region = لا نعرف هذه المنطقة في { $country }. يُرجى اختيار مكانك من جديد.

results-heading-online-therapy = العلاج عبر الإنترنت في { $place }
results-heading-in-person = خدمات حضورية قرب { $place }
results-heading-support-groups = مجموعات الدعم في { $place }
results-heading-helplines = خطوط المساعدة والدردشة في { $place }
results-heading-communities = مجتمعات عبر الإنترنت في { $place }
results-heading-search = ابحث عن مساعدة في { $place }
results-article-online-therapy = هل العلاج عبر الإنترنت فعّال؟
results-article-in-person = عن الرعاية الحضورية
results-article-support-groups = هل تفيد مجموعات الدعم؟
results-article-helplines = ماذا يحدث عندما تتصل بخط مساعدة؟
results-article-communities = عن المجتمعات عبر الإنترنت
results-change_place = غيّر المكان
results-crisis_heading = إذا كنت تفكر في الانتحار أو في إيذاء نفسك
results-search_label = بحث
results-filters = عوامل التصفية
results-apply = اعرض النتائج
results-clear = امسح عوامل التصفية
results-count = { $n ->
    [zero] لا توجد نتائج
    [one] نتيجة واحدة
    [two] نتيجتان
    [few] { $n } نتائج
    [many] { $n } نتيجة
   *[other] { $n } نتيجة
}
results-none = لا شيء يطابق عوامل التصفية هذه في { $place }.
results-other_kinds = أنواع أخرى من المساعدة متاحة هنا:
results-by_kind = حسب نوع المساعدة:
results-open_now = مفتوح الآن
results-distance = على بعد { $km } كم
results-pages = الصفحات
results-prev = الصفحة السابقة
results-next = الصفحة التالية
results-page_of = الصفحة { $page }

filter-when = متى
filter-open_now = مفتوح الآن
filter-always_open = مفتوح على مدار الساعة
filter-topic = تساعد في
filter-channel = وسيلة التواصل
filter-cost = التكلفة
filter-audience = موجَّهة إلى
filter-by = يقدّمها
filter-lang = اللغة

by-professionals = مختصون
by-trained-volunteers = متطوعون مدرَّبون
by-peers = أشخاص مرّوا بتجربة مماثلة

places-title = اختر مكانك
places-hint = اكتب اسم بلدتك أو مدينتك أو منطقتك.
places-none = لم نجد مكانًا باسم «{ $query }». جرّب كتابة أخرى أو مدينة أكبر قريبة.
places-use_location = استخدم موقعي

articles-title = عن أنواع المساعدة
articles-updated = تم التحديث في { $date }

lang-asl = لغة الإشارة الأمريكية
lang-bsl = لغة الإشارة البريطانية

error-address_too_long = العنوان طويل جدًا (أكثر من { $max } حرف).
error-too_many_values = قيم كثيرة جدًا للمعامل «{ $param }».
error-bad_number = «{ $value }» ليست قيمة صالحة للمعامل «{ $param }».
error-query_too_long = نص البحث أطول من { $value } حرف.
error-bad_language = «{ $value }» ليس رمز لغة (مثل en أو nb).
error-bad_page = يجب أن يكون رقم الصفحة بين 1 و{ $value }.
error-unknown_code = «{ $value }» ليست قيمة نعرفها في فئة { $vocabulary }. القيم الصالحة: { $valid }.
vocabulary-kind = نوع المساعدة
vocabulary-topic = الموضوع
vocabulary-audience = الفئة المستهدفة
vocabulary-channel = وسيلة التواصل
vocabulary-cost = التكلفة
vocabulary-delivered-by = نوع مقدّم الخدمة
vocabulary-form = النموذج
vocabulary-moderation = الإشراف
vocabulary-referral = الإحالة
vocabulary-status = الحالة
error-place_too_long = اسم المكان أطول من { $max } حرف.
error-bad_coordinates = يجب أن يكون «lat» رقمًا من ‎-90 إلى 90 و«lon» رقمًا من ‎-180 إلى 180.
places-none_near = لا نعرف مدينة قريبة من تلك النقطة.
filter-you = عنك
filter-age = عمرك
filter-resident = أعيش في { $place }

report-link = أبلغ عن مشكلة في هذا الإدخال
report-title = الإبلاغ عن مشكلة: { $name }
report-heading = الإبلاغ عن مشكلة في { $name }
report-intro = أخبرنا بما هو خاطئ وسيتحقق منه أحد المحررين بمقارنته بمعلومات الخدمة نفسها. لا تحتاج إلى حساب. لا نحتفظ إلا بما تكتبه هنا: لا شيء عنك أو عن جهازك.
report-reason = ما الخطأ؟
report-reason-number-does-not-work = رقم أو رابط لا يعمل
report-reason-closed = الخدمة أُغلقت
report-reason-wrong-hours = مواعيد العمل خاطئة
report-reason-wrong-address = العنوان خاطئ
report-reason-harmful = إنها ضارة أو ليست خدمة صحة نفسية
report-reason-other = شيء آخر
report-channel = بأي وسيلة تواصل يتعلق الأمر؟ (اختياري)
report-channel_none = لا وسيلة بعينها
report-detail = ماذا وجدت؟ (اختياري؛ مطلوب عند اختيار «شيء آخر»)
report-detail_hint = حتى { $max } حرف. يُرجى عدم ذكر تفاصيل عن صحتك.
report-submit = أرسل البلاغ
suggest-link = هل تعرف خدمة غير موجودة لدينا؟ اقترحها
suggest-title = اقتراح خدمة في { $country }
suggest-heading = اقتراح خدمة في { $country }
suggest-intro = أخبرنا عن مساعدة في الصحة النفسية غير مدرجة بعد. يتحقق أحد المحررين من كل اقتراح بمقارنته بمعلومات الخدمة نفسها قبل نشره. لا تحتاج إلى حساب، ولا نحتفظ إلا بما تكتبه هنا.
suggest-name = اسم الخدمة
suggest-kind = نوع المساعدة
suggest-kind_unknown = لست متأكدًا
suggest-reach = كيف يمكن التواصل معها
suggest-reach_hint = أرقام الهاتف أو الموقع الإلكتروني أو الدردشة أو العنوان: كل ما تعرفه.
suggest-who = من تساعد (اختياري)
suggest-place = أين (اختياري): بلدة أو منطقة أو البلد كله
suggest-source = رابط إلى صفحة الخدمة نفسها (اختياري)
suggest-submit = أرسل الاقتراح
feedback-contact = بريدك الإلكتروني (اختياري)
feedback-contact_hint = فقط إذا أردت ردًا. لا يراه إلا المحررون ولا يُستخدم لأي غرض آخر.
feedback-honeypot = اترك هذا الحقل فارغًا
feedback-not_sent = لم يُرسَل بعد: يُرجى المراجعة
feedback-kept = كل ما كتبته ما زال في النموذج أدناه.
feedback-trap = تمت تعبئة الحقل «اترك هذا الحقل فارغًا»، وهذا ما تفعله الرسائل المزعجة الآلية. أفرغه ثم أرسل النموذج مرة أخرى.
feedback-too_fast = عاد النموذج بعد أقل من { $seconds } ثوانٍ من فتحه، وهذا ما تفعله الرسائل المزعجة الآلية. يُرجى مراجعته وإرساله مرة أخرى.
feedback-expired = ظل هذا النموذج مفتوحًا أكثر من يوم أو أنه ليس من نماذجنا. يُرجى مراجعته وإرساله مرة أخرى.
feedback-field-reason = ما الخطأ
feedback-field-channel = وسيلة التواصل
feedback-field-detail = ما وجدته
feedback-field-contact = البريد الإلكتروني
feedback-field-name = الاسم
feedback-field-kind = نوع المساعدة
feedback-field-reach = طريقة التواصل
feedback-field-who = من تساعد
feedback-field-place = أين
feedback-field-source_url = الرابط
feedback-back_to = العودة إلى { $name }
feedback-limited-title = أُرسل عدد كبير جدًا من النماذج
feedback-limited-detail = أُرسل كثير من النماذج من هذا الاتصال في وقت قصير، لذلك لم يُقبل هذا النموذج. حاول مرة أخرى بعد { $minutes } دقيقة. إذا كنت تحتاج إلى مساعدة الآن، فالأرقام في الأعلى متاحة دائمًا.
feedback-sent-report = شكرًا لك: تم إرسال بلاغك
feedback-sent-suggestion = شكرًا لك: تم إرسال اقتراحك
feedback-sent-report_next = سيقارن أحد المحررين الإدخال بمعلومات الخدمة نفسها ويصحّحه، عادةً خلال أيام قليلة. البلاغات عن خط أزمات لا يجيب أو أُغلق تُراجَع أولًا. لا نرد إلا إذا تركت بريدًا إلكترونيًا.
feedback-sent-suggestion_next = سيتحقق أحد المحررين من الخدمة بمقارنتها بمعلوماتها الخاصة قبل إدراجها، عادةً خلال أسابيع قليلة. لا نرد إلا إذا تركت بريدًا إلكترونيًا.
feedback-sent-need_help = إذا كنت تحتاج إلى التحدث مع أحد الآن
feedback-sent-open_now = خطوط الأزمات هذه مفتوحة الآن:
feedback-sent-none_open = لا نعرف خط أزمات مفتوحًا في هذه اللحظة.
feedback-sent-all_lines = اعرض كل خطوط المساعدة

service-from_feed = من { $feed }،
service-feed_updated = حُدِّث في { $date }.
service-feed_licence = الترخيص: { $licence }.
error-busy-title = عمليات بحث كثيرة في وقت واحد
error-busy-detail = تعذّر إجراء هذا البحث الآن لأن كثيرين يبحثون في الوقت نفسه. يُرجى المحاولة مرة أخرى بعد ثوانٍ. إذا كنت بحاجة إلى مساعدة الآن، فاتصل برقم الطوارئ أعلاه.
error-busy-country = اعرض خطوط المساعدة وأرقام الطوارئ في هذا البلد
results-call = اتصل بالرقم { $number }
results-text = أرسل رسالة نصية إلى { $number }
results-no_match = لا توجد نتائج لـ «{ $query }» في { $place }.
results-general_support = هذه الخطوط تستمع إلى كل من يحتاج إلى الحديث، أيًّا كان الموضوع:
text-in_language = (باللغة { $language })
articles-other_languages = هذه المقالة باللغات:
