//! Relevance on the bundled directory: queries people type, in the languages the data has, with the
//! services a person would expect among the first three, judged by hand against `data/directory/`.
//! And the query parser's promise: no text makes it panic.

mod common;

use common::places::{now, place};
use helpatlas::bundled;
use helpatlas::model::{Directory, Kind, RetiredStatus, Retirement};
use helpatlas::search::{Index, SearchQuery};
use proptest::prelude::*;
use std::sync::OnceLock;

fn index() -> &'static Index {
    static INDEX: OnceLock<Index> = OnceLock::new();
    INDEX.get_or_init(|| Index::build(bundled::load().expect("bundled data is valid").0, 1))
}

fn top3(at: &str, kind: Option<Kind>, text: &str) -> (Vec<String>, bool) {
    let mut q = SearchQuery::new(place(at), now());
    q.kind = kind;
    q.text = Some(text.to_string());
    let found = index().search(&q);
    (found.hits.iter().take(3).map(|h| h.service.name.clone()).collect(), found.crisis)
}

/// (place, kind, query, services expected among the first three, in no particular order).
const CASES: &[(&str, Option<Kind>, &str, &[&str])] = &[
    // Norwegian
    ("NO", None, "selvmordstanker", &["Hjelpetelefonen", "Kirkens SOS krisetelefon"]),
    ("NO", None, "jeg vil ta livet av meg", &["Hjelpetelefonen", "Kirkens SOS krisetelefon"]),
    ("NO", None, "ensom", &["Kirkens SOS krisetelefon", "Hjelpetelefonen"]),
    ("NO", None, "legevakt", &["Legevakt 116 117"]),
    ("NO", None, "kirkens sos", &["Kirkens SOS krisetelefon"]),
    ("NO", None, "emeistring", &["eBehandling (formerly eMeistring), Helse Bergen"]),
    ("NO/Bergen", Some(Kind::OnlineTherapy), "panikk", &["eBehandling (formerly eMeistring), Helse Bergen"]),
    ("NO", None, "overgrep barn", &["Alarmtelefonen for barn og unge 116 111"]),
    ("NO", Some(Kind::Helplines), "hjelpetelefon", &["Hjelpetelefonen"]),
    // Swedish
    ("SE", None, "självmordstankar", &["Självmordslinjen"]),
    ("SE", None, "1177", &["1177 Vårdguiden på telefon"]),
    ("SE", None, "bris", &["Bris nationella stödlinje för barn 116 111"]),
    ("SE/Stockholm", None, "psykiatrisk akutmottagning", &["Psykiatrisk akutmottagning, S:t Göran"]),
    ("SE/Stockholm", None, "internetpsykiatri", &["Internetpsykiatri"]),
    (
        "SE",
        Some(Kind::OnlineTherapy),
        "sömnproblem",
        &["Stöd och behandling via nätet (internet-based CBT through 1177)"],
    ),
    // German
    ("DE", None, "telefonseelsorge", &["TelefonSeelsorge"]),
    ("DE", None, "Selbstmordgedanken", &["TelefonSeelsorge"]),
    ("DE", None, "kinder jugendtelefon", &["Kinder- und Jugendtelefon 116 111"]),
    // Several depression DiGA now rank alike on the text; the one named for it must be among them.
    ("DE", Some(Kind::OnlineTherapy), "depression", &["Novego: Depressionen bewältigen"]),
    ("DE", Some(Kind::OnlineTherapy), "deprexis", &["deprexis"]),
    ("DE", None, "bereitschaftsdienst", &["Ärztlicher Bereitschaftsdienst 116117"]),
    ("DE", None, "einsamkeit", &["TelefonSeelsorge"]),
    // Danish
    ("DK", None, "børnetelefonen", &["BørneTelefonen"]),
    ("DK", Some(Kind::OnlineTherapy), "angst", &["Internetpsykiatrien — online treatment for anxiety and depression"]),
    ("DK/Copenhagen", None, "akuttelefonen", &["Akuttelefonen 1813"]),
    ("DK", None, "selvmord", &["BørneTelefonen"]),
    // Finnish
    ("FI", None, "kriisipuhelin", &["MIELI Kriisipuhelin"]),
    ("FI", None, "nettiterapia", &["Mielenterveystalo nettiterapiat (online therapies)"]),
    ("FI", None, "itsemurha", &["MIELI Kriisipuhelin"]),
    ("FI", None, "päivystysapu", &["Päivystysapu 116117"]),
    // English, with everyday words, typos and beginnings of words
    ("GB", None, "samaritans", &["Samaritans helpline"]),
    ("GB", None, "I want to die", &["Samaritans helpline", "Shout 85258"]),
    ("GB", None, "childline", &["Childline"]),
    ("GB", None, "talking therapies", &["NHS Talking Therapies"]),
    ("GB", None, "hearing voices", &["Hearing Voices groups (England)"]),
    ("GB", Some(Kind::SupportGroups), "bipolar", &["Bipolar UK peer support groups"]),
    ("GB", Some(Kind::SupportGroups), "bereaved parents", &["The Compassionate Friends peer support (UK)"]),
    ("GB", None, "samaritns", &["Samaritans helpline"]),
    ("US", None, "988", &["988 Suicide & Crisis Lifeline"]),
    ("US", None, "kill myself", &["988 Suicide & Crisis Lifeline"]),
    ("US", None, "samhsa", &["SAMHSA's National Helpline"]),
    ("US", Some(Kind::SupportGroups), "narcotics", &["Narcotics Anonymous meetings"]),
    ("US", Some(Kind::SupportGroups), "alcoholics anonymous", &["Alcoholics Anonymous meetings"]),
    ("US", Some(Kind::SupportGroups), "nami", &["NAMI Connection Recovery Support Groups"]),
    ("US", None, "findtreat", &["FindTreatment.gov"]),
    ("US", Some(Kind::SupportGroups), "overeating", &["Overeaters Anonymous meetings"]),
    ("US", Some(Kind::SupportGroups), "\"crystal meth\"", &["Crystal Meth Anonymous meetings"]),
    ("US", Some(Kind::SupportGroups), "schizophrenia alliance", &["Schizophrenia Alliance (SA) support groups"]),
    ("US", None, "copline", &["COPLINE hotline"]),
    ("AU", Some(Kind::Communities), "beyond blue", &["Beyond Blue online forums"]),
    // Specialist lines outside Europe
    ("US", None, "veteran", &["Veterans Crisis Line"]),
    ("US", None, "disaster", &["Disaster Distress Helpline"]),
    ("AU", None, "eating disorder", &["Butterfly National Helpline 1800 ED HOPE"]),
    ("AU", None, "anorexia", &["Butterfly National Helpline 1800 ED HOPE"]),
    ("AU", None, "men", &["MensLine Australia"]),
    ("CA", None, "first nations", &["Hope for Wellness Help Line"]),
    ("CA", None, "residential school", &["National Indian Residential School Crisis Line"]),
    ("US", None, "runaway", &["National Runaway Safeline (1-800-RUNAWAY)"]),
    ("CA/Toronto", None, "gambling", &["ConnexOntario helpline"]),
    ("KR", None, "gambling", &["Gambling Helpline 1336 (도박문제 헬프라인)"]),
    ("ZA", None, "adhd", &["ADHD Helpline"]),
    ("ZA", None, "healthcare workers", &["Healthcare Workers Care Network Helpline"]),
    ("IL", None, "rape", &["Rape crisis helpline 1202 (women)", "Rape crisis helpline 1203 (men)"]),
    ("AR", None, "violencia sexual", &["Línea 137 (violencia familiar y sexual)"]),
    ("TR", None, "uyuşturucu", &["ALO 191 Uyuşturucu ile Mücadele Danışma ve Destek Hattı"]),
    ("MO", None, "suicide", &["Life Hope Hotline (Caritas Macau)"]),
    ("TR", None, "gambling", &["Yeşilay Danışma Hattı 115"]),
    ("GL", None, "suicide", &["Tusaannga"]),
    ("SG", None, "sexual assault", &["AWARE Sexual Assault Care Centre helpline"]),
    ("NZ", None, "lgbt", &["OutLine support line (0800 OUTLINE)"]),
    ("CA/Montreal", None, "suicide", &["1 866 APPELLE and suicide.ca (Quebec)"]),
    ("KE", None, "gender based violence", &["National GBV Helpline 1195"]),
    ("US", None, "maternal mental health", &["National Maternal Mental Health Hotline"]),
    ("CA", None, "veteran", &["VAC Assistance Service"]),
    ("AU", None, "veteran", &["Open Arms – Veterans & Families Counselling"]),
    ("AU", None, "postnatal depression", &["PANDA National Perinatal Mental Health Helpline"]),
    ("AU", None, "gambling", &["Gambling Help Online and National Gambling Helpline 1800 858 858"]),
    // Specialist lines and online therapy across Europe (issue 15)
    ("NO", None, "gambling", &["Hjelpelinjen for spilleavhengige"]),
    ("NO", None, "spilleavhengighet", &["Hjelpelinjen for spilleavhengige"]),
    ("SE", None, "gambling", &["Stödlinjen för spelare och anhöriga"]),
    ("FR", None, "gambling", &["Joueurs Info Service"]),
    (
        "IT",
        None,
        "gioco d'azzardo",
        &["Telefono Verde Nazionale per le problematiche legate al Gioco d'Azzardo (TVNGA)"],
    ),
    ("DE", Some(Kind::OnlineTherapy), "panik", &["HelloBetter Panik"]),
    ("DE", None, "krisenchat", &["krisenchat"]),
    ("PT", None, "1411", &["Linha Nacional de Prevenção do Suicídio 1411"]),
    ("CH", None, "lgbtiq", &["LGBTIQ Helpline"]),
    ("DK", None, "vold", &["Lev Uden Vold – national hotline 1888"]),
    ("IE", Some(Kind::SupportGroups), "bipolar", &["Aware Support & Self Care Groups"]),
    ("NL", Some(Kind::Communities), "depressie", &["Depressie Connect"]),
    ("CZ", Some(Kind::OnlineTherapy), "online terapie", &["Hedepy – online terapie", "Terap.io – online terapie"]),
    ("HU", None, "nane", &["NANE segélyvonal"]),
    ("EE", None, "eluliin", &["Eluliin – emotsionaalse toe telefon"]),
    ("HU", None, "lgbt", &["Háttér információs és lelkisegély-vonal"]),
    ("HU", None, "okit", &["OKIT krízisvonal"]),
    ("EE", None, "1492", &["Naiste tugitelefon 1492"]),
    ("TR", None, "domestic violence", &["Aile İçi Şiddet Acil Yardım Hattı"]),
    ("NO", None, "kors på halsen", &["Kors på halsen"]),
    ("LV", None, "gambling", &["Konsultatīvais tālrunis azartspēļu atkarības skartajiem"]),
    ("MT", None, "supportline", &["Supportline 179"]),
    ("PL", None, "antydepresyjny", &["Antydepresyjny Telefon Zaufania ITAKA"]),
    ("LT", None, "smurtas moterims", &["Pagalbos moterims linija"]),
    ("DE", None, "glücksspiel", &["BZgA-Telefonberatung zur Glücksspielsucht"]),
    ("DE", Some(Kind::OnlineTherapy), "schlafstörungen", &["HelloBetter Schlafen", "somnio"]),
    ("DE", Some(Kind::OnlineTherapy), "agoraphobie", &["Mindable: Panik & Agoraphobie"]),
    ("IT", None, "anoressia", &["SOS Disturbi Alimentari – Numero Verde 800 180 969"]),
    ("GB", None, "men", &["CALM helpline and webchat"]),
    ("GB", Some(Kind::Helplines), "bereavement", &["Cruse National Helpline and CruseChat"]),
    // Crisis lines, specialist lines, networks and communities outside Europe (issue 15)
    ("BR", None, "cyberbullying", &["Helpline SaferNet"]),
    ("NG/Lagos", None, "suicide", &["Lagos Lifeline"]),
    ("KE", None, "befrienders", &["Befrienders Kenya listening service"]),
    ("BT", None, "suicide", &["The PEMA Helpline"]),
    ("CM", None, "suicide", &["Assistance psychologique nationale 1511"]),
    ("BS", None, "suicide", &["National Hotline for Crisis Intervention"]),
    ("GU", None, "suicide", &["GBHWC Crisis Hotline"]),
    ("MV", None, "mental health helpline", &["National Mental Health Helpline 1677"]),
    ("WS", None, "suicide", &["SVSG Help Line"]),
    ("BM", None, "crisis", &["Mental Health Crisis Line (Mid-Atlantic Wellness Institute)"]),
    ("US", Some(Kind::SupportGroups), "heroin", &["Heroin Anonymous meetings"]),
    ("US", Some(Kind::SupportGroups), "gamblers family", &["Gam-Anon meetings"]),
    ("US", Some(Kind::Communities), "lgbtq", &["TrevorSpace", "Q Chat Space"]),
    ("GB", Some(Kind::Communities), "bereavement", &["Sue Ryder Online Bereavement Community"]),
    ("GB", Some(Kind::Communities), "ocd", &["OCD-UK forums", "OCD Action forums"]),
    ("JP", Some(Kind::OnlineTherapy), "cotree", &["cotree オンラインカウンセリング"]),
    ("KE", None, "drugs", &["NACADA helpline 1192"]),
    ("NG", None, "child abuse", &["Cece Yara Child Helpline"]),
    ("US", Some(Kind::InPerson), "veterans", &["VA Vet Centers"]),
    ("AU", Some(Kind::InPerson), "young people", &["headspace centres"]),
    ("AU/Melbourne", Some(Kind::InPerson), "carers", &["Mental Health and Wellbeing Connect centres (Victoria)"]),
    ("AU", None, "carer", &["Carer Gateway 1800 422 737"]),
    ("NZ", None, "farmer", &["Rural Support Trust 0800 RURAL HELP (0800 78 72 54)"]),
    ("CA/Vancouver", Some(Kind::InPerson), "youth", &["Foundry youth centres (British Columbia)"]),
    ("MX", Some(Kind::InPerson), "adicciones", &["Centros de Integración Juvenil – treatment centres"]),
    ("ZA", Some(Kind::InPerson), "rape", &["Thuthuzela Care Centres"]),
    ("IL", Some(Kind::InPerson), "trauma", &["Resilience centers (מרכזי חוסן)"]),
    (
        "SG",
        Some(Kind::InPerson),
        "youth",
        &["CHAT youth mental health service (IMH)", "Youth Integrated Teams and CREST-Youth"],
    ),
    (
        "KR",
        Some(Kind::InPerson),
        "gambling",
        &["Korea Center on Gambling Problems regional centres (한국도박문제관리센터)"],
    ),
    ("GB", Some(Kind::InPerson), "maytree", &["Maytree sanctuary for the suicidal"]),
    ("FR", Some(Kind::InPerson), "maison des adolescents", &["Maisons des adolescents (MDA)"]),
    ("DE", Some(Kind::InPerson), "krisendienst", &["Berliner Krisendienst (neun Standorte)"]),
    // Everyday phrases in each interface language (issue 14), matched to topics in any language.
    ("ES", None, "no puedo dormir", &["ifeel – terapia online"]),
    ("ES", None, "ansiedad", &["Teléfono de la Esperanza"]),
    ("FR", None, "je n'arrive pas à dormir", &["Mon soutien psy"]),
    ("FR", None, "solitude", &["S.O.S Amitié"]),
    ("DE", None, "Schlafprobleme", &["somnio"]),
    ("BR", None, "ansiedade", &["Pode Falar", "Centros de Atenção Psicossocial (CAPS)"]),
    ("PT", None, "solidão", &["SOS Voz Amiga"]),
    ("IT", None, "solitudine", &["Telefono Amico Italia"]),
    ("NL", None, "eenzaam", &["De Luisterlijn"]),
    ("NO", None, "angst", &["Hjelpetelefonen"]),
    ("SE", None, "jag kan inte sova", &["Stöd och behandling via nätet (internet-based CBT through 1177)"]),
    ("PL", None, "depresja", &["116 123 – telefon zaufania dla dorosłych w kryzysie emocjonalnym"]),
    ("JP", None, "孤独", &["Yorisoi Hotline (よりそいホットライン)"]),
    ("JP", None, "いのちの電話", &["Inochi no Denwa suicide prevention free dial (自殺予防いのちの電話)"]),
    ("HK", None, "18111", &["18111 – Mental Health Support Hotline (18111 精神健康支援熱線)"]),
    ("EG", None, "اكتئاب", &["Mental health hotline of the General Secretariat of Mental Health"]),
    ("AE", None, "قلق", &["Mental Support Line (800 HOPE)"]),
];

#[test]
fn fixed_queries_find_what_a_person_expects_in_the_top_three() {
    let mut wrong = Vec::new();
    for (at, kind, text, expected) in CASES {
        let (top, _) = top3(at, *kind, text);
        let missing: Vec<&&str> = expected.iter().filter(|e| !top.iter().any(|t| t == *e)).collect();
        if !missing.is_empty() {
            wrong.push(format!("{at} {kind:?} {text:?}: missing {missing:?}, got {top:?}"));
        }
    }
    assert!(CASES.len() >= 40);
    assert!(wrong.is_empty(), "{} of {} queries:\n{}", wrong.len(), CASES.len(), wrong.join("\n"));
}

#[test]
fn a_crisis_query_puts_the_places_crisis_lines_first() {
    for (at, text, first) in [
        ("NO", "selvmord", "Hjelpetelefonen"),
        ("SE", "jag vill ta mitt liv", "Självmordslinjen"),
        ("US", "suicidal thoughts and drinking", "988 Suicide & Crisis Lifeline"),
        ("GB", "kill myself", "Samaritans helpline"),
        ("ES", "quiero morir", "024 – Línea de atención a la conducta suicida"),
        ("FR", "envie de mourir", "3114 – Numéro national de prévention du suicide"),
        ("DE", "ich will sterben", "TelefonSeelsorge"),
        ("BR", "quero morrer", "CVV 188"),
        ("IT", "voglio morire", "Telefono Amico Italia"),
        ("NL", "ik wil dood", "113 Zelfmoordpreventie crisislijn"),
        ("NO", "jeg vil ikke leve lenger", "Hjelpetelefonen"),
        ("SE", "jag vill inte leva", "Självmordslinjen"),
        ("JP", "死にたい", "Inochi no Denwa suicide prevention free dial (自殺予防いのちの電話)"),
    ] {
        let (top, crisis) = top3(at, None, text);
        assert!(crisis, "{text} signals a crisis");
        assert_eq!(top.first().map(String::as_str), Some(first), "{at} {text}: {top:?}");
    }
    assert!(!top3("GB", None, "bipolar").1, "not every query is a crisis");
    // Where the data has no line for the topic, the crisis is still recognised (the page then shows the
    // emergency number and the crisis lines it has).
    for (at, text) in [("PL", "myśli samobójcze"), ("EG", "أريد أن أموت"), ("SA", "أفكار انتحارية")]
    {
        assert!(top3(at, None, text).1, "{at} {text} signals a crisis");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn no_query_text_makes_search_panic(text in ".{0,220}") {
        let mut q = SearchQuery::new(place("NO"), now());
        q.text = Some(text);
        let found = index().search(&q);
        prop_assert!(found.hits.len() <= q.per_page);
    }

    #[test]
    fn no_ascii_query_with_operators_makes_search_panic(text in "[ a-z\"*~^:()+\\-!?0-9]{0,80}") {
        let mut q = SearchQuery::new(place("GB"), now());
        q.text = Some(text);
        index().search(&q);
    }
}

#[test]
fn an_update_is_searchable_at_once_and_the_old_version_is_untouched() {
    let mut directory = bundled::load().expect("bundled data is valid").0;
    let old = Index::build(directory.clone(), 1);
    let position = directory.services.iter().position(|s| s.name == "Samaritans helpline").expect("exists");
    directory.services[position].name = "Samaritans listening line".into();
    let mut added = directory.services[position].clone();
    added.id = uuid::Uuid::new_v4();
    added.name = "Zyxwv brand-new line".into();
    let changes = helpatlas::model::Directory {
        services: vec![directory.services[position].clone(), added],
        ..Default::default()
    };
    let new = old.apply(&changes, 2).expect("update applies");
    let names = |index: &Index, text: &str| {
        let mut q = SearchQuery::new(place("GB"), now());
        q.text = Some(text.into());
        index.search(&q).hits.iter().map(|h| h.service.name.clone()).collect::<Vec<_>>()
    };
    assert_eq!(names(&new, "zyxwv").first().map(String::as_str), Some("Zyxwv brand-new line"));
    assert!(names(&new, "listening").contains(&"Samaritans listening line".to_string()));
    assert_eq!(new.len(), old.len() + 1);
    assert!(names(&old, "zyxwv").is_empty(), "the old version still answers as before");
    assert!(names(&old, "samaritans").contains(&"Samaritans helpline".to_string()));
    assert_eq!(new.change, 2);
}

#[test]
fn a_retired_service_leaves_every_list_and_comes_back_when_restored() {
    let directory = bundled::load().expect("bundled data is valid").0;
    let old = Index::build(directory.clone(), 1);
    let mut line = directory.services.iter().find(|s| s.name == "Samaritans helpline").expect("exists").clone();
    let everywhere = |index: &Index, id: uuid::Uuid| {
        let mut q = SearchQuery::new(place("GB"), now());
        q.text = Some("samaritans".into());
        let found = index.search(&q).hits.iter().any(|h| h.service.id == id);
        let crisis = index.crisis_lines(&place("GB"), 50).iter().any(|s| s.id == id);
        let listed = index.services_by_id().any(|s| s.id == id);
        let walked = index.services().any(|s| s.id == id);
        [found, crisis, listed, walked, index.service(id).is_some()]
    };
    assert_eq!(everywhere(&old, line.id), [true; 5]);

    line.retired = Some(Retirement { status: RetiredStatus::Defunct, reason: "Closed (test).".into() });
    let changes = Directory { services: vec![line.clone()], ..Default::default() };
    let retired = old.apply(&changes, 2).expect("update applies");
    assert_eq!(everywhere(&retired, line.id), [false; 5]);
    assert_eq!(retired.len(), old.len() - 1);
    assert_eq!(everywhere(&old, line.id), [true; 5], "the old version still answers as before");

    let mut built = directory.clone();
    built.services.retain(|s| s.id != line.id);
    built.services.push(line.clone());
    let rebuilt = Index::build(built, 2);
    assert_eq!(everywhere(&rebuilt, line.id), [false; 5], "a fresh build leaves it out too");

    line.retired = None;
    let restored =
        retired.apply(&Directory { services: vec![line.clone()], ..Default::default() }, 3).expect("applies");
    assert_eq!(everywhere(&restored, line.id), [true; 5]);
    assert_eq!(restored.len(), old.len());
}

#[test]
fn services_for_residents_only_are_left_out_for_people_living_elsewhere() {
    let index = Index::build(helpatlas::generate::directory(4000, 5), 1);
    let ids = |resident_of: Option<&str>| {
        let mut q = SearchQuery::new(place("NO"), now());
        q.per_page = 100;
        q.resident_of = resident_of.map(|c| c.parse().expect("code"));
        let found = index.search(&q);
        assert!(found.total <= 100, "the test needs one page");
        // Everyone lives somewhere in the world: a worldwide service is for residents of anywhere.
        let only = |s: &helpatlas::model::Service| {
            s.eligibility.residents_only && !s.areas.contains(&helpatlas::model::ServiceArea::World)
        };
        found.hits.iter().map(|h| (h.service.id, only(&h.service))).collect::<Vec<_>>()
    };
    let everyone = ids(None);
    assert!(everyone.iter().any(|(_, only)| *only), "the sample has services for residents only");
    assert_eq!(ids(Some("NO")), everyone, "a resident is eligible for all of them");
    let visitor = ids(Some("DE"));
    assert!(visitor.iter().all(|(_, only)| !only));
    assert_eq!(visitor.len(), everyone.iter().filter(|(_, only)| !only).count());
}
