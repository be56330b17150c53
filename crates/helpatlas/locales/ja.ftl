# 日本語のメッセージカタログ。ID は en.ftl と同じです。

site-name = Help Atlas
site-description = お住まいの地域で心の健康の支援を探せます：相談電話、オンラインセラピー、支援機関、グループ、コミュニティ。

nav-skip = 本文へ移動

exit-label = すぐに退出

footer-privacy = このサイトは Cookie もトラッカーも使わず、検索した内容を記録しません。
footer-exit_hint = すぐに退出：上のボタンを押すと、このサイトからすぐに離れます。JavaScript が有効なら Esc キーでも同じです。
footer-data = 掲載データはオープンで、各項目に情報源を明記しています。緊急通報番号は変わることがあります。迷ったときは、ヨーロッパのほとんどの国では 112、北米では 911 が地域の緊急通報番号です。

crisis-label = 緊急の支援
crisis-danger = いま危険な状態ですか？
crisis-call = 電話する：
crisis-international = いま危険な状態ですか？地域の緊急通報番号に電話してください。ヨーロッパのほとんどの国と多くの携帯電話網では 112、北米では 911、英国では 999、オーストラリアでは 000 です。
crisis-talk = いますぐ誰かと話したいときは：
crisis-choose_country = 国を選ぶと、その国の緊急通報番号と危機相談窓口が表示されます

home-heading = お住まいの地域で心の健康の支援を探す
home-intro = 国を選ぶと、その国から利用できる緊急通報番号、相談電話・チャット、オンラインセラピー、精神保健サービス、自助グループ、オンラインコミュニティが表示されます。
home-country_label = お住まいの国
home-country_placeholder = 国を選んでください
home-country_submit = 支援を表示
home-kinds_heading = 5 種類の支援

country-heading = { $country }の心の健康の支援
country-none_yet = { $country }の掲載はまだありません。
country-only_in = 対象地域：{ $areas }

emergency-heading = 緊急通報番号
emergency-general = 緊急通報
emergency-police = 警察
emergency-ambulance = 救急
emergency-fire = 消防
emergency-unknown_call = 専用の番号は見つかりませんでした。{ $number } に電話してください
emergency-not_known = 不明
emergency-official_source = 公式の情報源
emergency-secondary_source = 情報源（公式ページではありません）
emergency-more_sources = その他の情報源：
emergency-confirmed = { $date } に確認
emergency-unconfirmed_secondary = 未確認：これらの番号を載せた公式ページは見つかりませんでした。
emergency-unconfirmed_undated = 未確認：公式ページに日付がありません。
emergency-unconfirmed_old = 未確認：公式ページの日付は { $date } です。
emergency-unknown = この国の緊急通報番号は把握していません。危険な状態にあるときは、地域の緊急通報番号に電話するか、最寄りの病院へ行ってください。

source-label = 情報源：
source-link = 情報源
source-checked = { $date } に確認

service-run_by = 運営：
service-contact = 連絡方法
service-open_now = 現在受付中
service-not_open_now = 現在は受付時間外です
service-timezone = 時間は { $zone } の現地時間です。
service-open_alternatives = 代わりに現在受付中の窓口
service-who = 利用できる人
service-areas = 地域
service-eligibility = 利用条件
service-eligibility_note = 知っておきたいこと
service-cost = 費用
service-languages = 対応言語
service-topics = 相談できること
service-audiences = 対象
service-website = ウェブサイト
service-verified = { $date } に運営団体自身のページで確認しました。
service-source_date = （ページの日付：{ $date }）
service-unverified = 第三者のリストからの情報で、{ $date } に確認しました。運営団体による確認はまだです。
service-stale = この掲載情報は 12 か月以上、情報源と照合されていません。受付時間を頼りにする前に、電話するかウェブサイトで確かめてください。

channel-open = 受付中
channel-closed = 受付時間外
channel-hours_unknown = 受付時間は非公開

hours-always = 毎日 24 時間
hours-closed = 休業

day-every = 毎日

area-world = 全世界
area-radius = 半径 { $km } km 以内

eligibility-residents = { $areas }の住民が対象
eligibility-min_age = { $age } 歳以上
eligibility-max_age = { $age } 歳まで

error-not_found-title = ページが見つかりません
error-not_found-detail = そのページは見つかりませんでした。上にある緊急の支援はいつでも利用できます。
error-bad_request-title = リクエストを理解できませんでした
error-server-title = 問題が発生しました
error-server-detail = こちら側で問題が発生しました。いますぐ支援が必要なときは、地域の緊急通報番号に電話してください。
error-go_home = トップページへ
error-unknown_interface_language = 「{ $value }」はこのサイトの表示言語ではありません。利用できる言語：{ $valid }。
error-unknown_country = 「{ $code }」は登録されている国ではありません。一覧から国を選んでください。

kind-online-therapy = オンラインセラピー
kind-in-person = 対面の支援機関
kind-support-groups = 自助グループ
kind-helplines = 相談電話・チャット
kind-communities = オンラインコミュニティ

kind-intro-online-therapy = 専門家によるビデオ通話や電話でのセラピー、セラピストが伴走するインターネットプログラム（オンライン認知行動療法）。
kind-intro-in-person = 自分で出向く精神保健サービス：クリニック、地域の支援チーム、夜間・休日の診療、救急医療。
kind-intro-support-groups = 似た経験をもつ人どうしが、対面やオンラインで集まって支え合うグループ。
kind-intro-helplines = 人が話を聴いてくれる電話・SMS・チャットの窓口。危機相談窓口も含み、無料で予約も不要です。
kind-intro-communities = 人どうしが支え合うオンラインの掲示板やコミュニティ。専門家が運営に関わるものもあります。

topic-suicidal-thoughts = 死にたい気持ち
topic-self-harm = 自傷
topic-anxiety = 不安
topic-panic = パニック
topic-social-anxiety = 社交不安
topic-generalised-anxiety = 全般性不安
topic-phobias = 恐怖症
topic-depression = うつ
topic-ptsd-trauma = PTSD・トラウマ
topic-insomnia = 睡眠の問題
topic-ocd = 強迫症
topic-eating-disorders = 摂食障害
topic-bipolar = 双極症
topic-psychosis = 精神病
topic-adhd = ADHD（注意欠如・多動症）
topic-substance-use = 薬物・物質の使用
topic-alcohol = アルコール
topic-gambling = ギャンブル
topic-grief = 死別・喪失
topic-loneliness = 孤独
topic-stress = ストレス
topic-relationships = 人間関係・恋愛
topic-family = 家族
topic-abuse-violence = 虐待・暴力
topic-sexual-violence = 性暴力
topic-bullying = いじめ
topic-gender-sexuality = ジェンダー・セクシュアリティ
topic-perinatal-parenting = 妊娠・子育て
topic-physical-illness = 病気とともに生きる
topic-money-worries = お金の悩み
topic-work-study = 仕事・学業

audience-children = 子ども
audience-young-people = 若者
audience-students = 学生
audience-adults = 大人
audience-older-people = 高齢者
audience-men = 男性
audience-women = 女性
audience-lgbtq = LGBTQ+ の人
audience-veterans = 退役軍人
audience-parents = 親
audience-carers = 家族などの介護者
audience-indigenous = 先住民族
audience-migrants-refugees = 移民・難民
audience-deaf-hard-of-hearing = ろう者・難聴者
audience-health-workers = 医療従事者

channel-phone = 電話
channel-sms = SMS
channel-chat = チャット
channel-video = ビデオ通話
channel-email = メール
channel-messaging = メッセージアプリ
channel-app = アプリ
channel-web-program = ウェブサイト
channel-in-person = 対面

cost-free = 無料
cost-public-coverage = 公的医療制度でカバー
cost-low-cost = 低料金
cost-sliding-scale = 収入に応じた料金
cost-private-insurance = 民間保険
cost-paid = 有料

referral-none = 紹介状は不要
referral-self-referral = 本人が直接申し込めます
referral-gp = かかりつけ医の紹介状が必要
referral-any-doctor = 医師の紹介状が必要

nav-articles = 支援の種類について
nav-language = 言語
nav-languages = このページを別の言語で読む
country-search_label = ここで支援を検索
country-search_submit = 検索
country-place_label = 市区町村または地域
country-place_submit = 探す
country-see_all = すべて表示（{ $n } 件）
error-unknown_city = その都市は{ $country }の都市として登録されていません。場所を選び直してください。
error-unknown_region = その地域は{ $country }の地域として登録されていません。場所を選び直してください。

results-heading-online-therapy = { $place }のオンラインセラピー
results-heading-in-person = { $place }付近の対面の支援機関
results-heading-support-groups = { $place }の自助グループ
results-heading-helplines = { $place }の相談電話・チャット
results-heading-communities = { $place }のオンラインコミュニティ
results-heading-search = { $place }で支援を検索
results-article-online-therapy = オンラインセラピーは効果がある？
results-article-in-person = 対面の支援について
results-article-support-groups = 自助グループは役に立つ？
results-article-helplines = 相談電話にかけるとどうなる？
results-article-communities = オンラインコミュニティについて
results-change_place = 場所を変更
results-crisis_heading = 死にたい、自分を傷つけたいと考えているなら
results-search_label = 検索
results-filters = 絞り込み
results-apply = 結果を表示
results-clear = 絞り込みを解除
results-count = { $n } 件
results-none = { $place }では、この条件に合うものはありません。
results-other_kinds = ここで利用できるほかの種類の支援：
results-by_kind = 支援の種類別：
results-open_now = 受付中
results-distance = { $km } km 先
results-pages = ページ
results-prev = 前のページ
results-next = 次のページ
results-page_of = { $page } ページ

filter-when = 時間
filter-open_now = 現在受付中
filter-always_open = 24 時間 365 日
filter-topic = 相談できること
filter-channel = 連絡方法
filter-cost = 費用
filter-audience = 対象
filter-by = 担い手
filter-lang = 言語

by-professionals = 専門家
by-trained-volunteers = 研修を受けたボランティア
by-peers = 同じ経験をもつ人（ピア）

places-title = 場所を選ぶ
places-hint = 市区町村、都市、地域の名前を入力してください。
places-none = 「{ $query }」という場所は見つかりませんでした。別の表記か、近くの大きな都市で試してください。
places-use_location = 現在地を使う

articles-title = 支援の種類について
articles-updated = { $date } 更新

lang-asl = アメリカ手話
lang-bsl = イギリス手話

error-address_too_long = アドレスが長すぎます（{ $max } 文字を超えています）。
error-too_many_values = 「{ $param }」の値が多すぎます。
error-bad_number = 「{ $value }」は「{ $param }」の値として正しくありません。
error-query_too_long = 検索語が { $value } 文字を超えています。
error-bad_language = 「{ $value }」は言語コード（en や nb など）ではありません。
error-bad_page = ページ番号は 1 から { $value } までの数にしてください。
error-unknown_code = 「{ $value }」は{ $vocabulary }として登録されていません。使える値：{ $valid }。
vocabulary-kind = 支援の種類
vocabulary-topic = テーマ
vocabulary-audience = 対象
vocabulary-channel = 連絡方法
vocabulary-cost = 費用
vocabulary-delivered-by = 担い手の種類
vocabulary-form = フォーム
vocabulary-moderation = 運営方式
vocabulary-referral = 紹介
vocabulary-status = 状態
error-place_too_long = 場所の名前が { $max } 文字を超えています。
error-bad_coordinates = 「lat」は -90 から 90、「lon」は -180 から 180 までの数にしてください。
places-none_near = その地点の近くに登録されている都市はありません。
filter-you = あなたについて
filter-age = 年齢
filter-resident = { $place }に住んでいる

report-link = この掲載情報の問題を報告する
report-title = 問題を報告：{ $name }
report-heading = { $name }の問題を報告する
report-intro = 何が間違っているかをお知らせください。編集者がサービス自身の情報と照らし合わせて確認します。アカウントは不要です。保存するのはここに入力された内容だけで、あなたや端末についての情報は一切保存しません。
report-reason = 何が間違っていますか？
report-reason-number-does-not-work = 番号やリンクがつながらない
report-reason-closed = サービスが終了している
report-reason-wrong-hours = 受付時間が間違っている
report-reason-wrong-address = 住所が間違っている
report-reason-harmful = 有害である、または心の健康の支援ではない
report-reason-other = その他
report-channel = どの連絡先についてですか？（任意）
report-channel_none = 特定の連絡先ではない
report-detail = 何がありましたか？（任意。「その他」の場合は必須）
report-detail_hint = { $max } 文字以内。ご自身の健康に関することは書かないでください。
report-submit = 報告を送信
suggest-link = 掲載されていない支援をご存じですか？提案する
suggest-title = { $country }の支援を提案する
suggest-heading = { $country }の支援を提案する
suggest-intro = まだ掲載されていない心の健康の支援を教えてください。編集者がすべての提案をサービス自身の情報と照らし合わせて確認してから公開します。アカウントは不要で、保存するのはここに入力された内容だけです。
suggest-name = サービスの名前
suggest-kind = 支援の種類
suggest-kind_unknown = わからない
suggest-reach = 連絡方法
suggest-reach_hint = 電話番号、ウェブサイト、チャット、住所など、わかる範囲で。
suggest-who = 対象となる人（任意）
suggest-place = 場所（任意）：市区町村、地域、または国全体
suggest-source = サービス自身のページへのリンク（任意）
suggest-submit = 提案を送信
feedback-contact = メールアドレス（任意）
feedback-contact_hint = 返信が必要な場合のみ。編集者だけが見ることができ、ほかの目的には使いません。
feedback-honeypot = この欄は空のままにしてください
feedback-not_sent = まだ送信されていません。確認してください
feedback-kept = 入力した内容は、すべて下のフォームに残っています。
feedback-trap = 「この欄は空のままにしてください」の欄に入力がありました。これは自動スパムの特徴です。空にしてからもう一度送信してください。
feedback-too_fast = フォームが開かれてから { $seconds } 秒以内に送信されました。これは自動スパムの特徴です。内容を確認して、もう一度送信してください。
feedback-expired = このフォームは 1 日以上開かれていたか、このサイトのものではありません。内容を確認して、もう一度送信してください。
feedback-field-reason = 間違っている点
feedback-field-channel = 連絡先
feedback-field-detail = 見つけた内容
feedback-field-contact = メールアドレス
feedback-field-name = 名前
feedback-field-kind = 支援の種類
feedback-field-reach = 連絡方法
feedback-field-who = 対象となる人
feedback-field-place = 場所
feedback-field-source_url = リンク
feedback-back_to = { $name }に戻る
feedback-limited-title = 送信されたフォームが多すぎます
feedback-limited-detail = この接続から短時間に多くのフォームが送信されたため、このフォームは受け付けられませんでした。{ $minutes } 分後にもう一度お試しください。いますぐ支援が必要なときは、上の番号をいつでも利用できます。
feedback-sent-report = ありがとうございます。報告を送信しました
feedback-sent-suggestion = ありがとうございます。提案を送信しました
feedback-sent-report_next = 編集者が掲載情報をサービス自身の情報と照らし合わせて修正します。通常は数日以内です。危機相談窓口がつながらない、終了しているといった報告は最優先で確認します。返信はメールアドレスを記入された場合のみです。
feedback-sent-suggestion_next = 編集者がサービス自身の情報で確認してから掲載します。通常は数週間以内です。返信はメールアドレスを記入された場合のみです。
feedback-sent-need_help = いますぐ誰かと話したいときは
feedback-sent-open_now = 現在受付中の危機相談窓口：
feedback-sent-none_open = 現在受付中の危機相談窓口は把握していません。
feedback-sent-all_lines = すべての相談電話を見る

service-from_feed = 出典：{ $feed }、
service-feed_updated = { $date } 更新。
service-feed_licence = ライセンス：{ $licence }。
error-busy-title = 検索が集中しています
error-busy-detail = いま多くの人が検索しているため、この検索を実行できませんでした。数秒後にもう一度お試しください。いますぐ助けが必要なときは、上の緊急番号に電話してください。
error-busy-country = この国の相談窓口と緊急番号を見る
results-call = { $number } に電話
results-text = { $number } にSMS
results-no_match = { $place } で「{ $query }」に一致するものはありませんでした。
results-general_support = どんな内容でも、話したい人の声を聞いてくれる窓口です：
text-in_language = （{ $language }）
articles-other_languages = この記事の他の言語：
