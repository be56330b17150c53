//! Checks of the emergency numbers table (`data/reference/emergency_numbers.tsv`) and of every data
//! file's sources: the numbers on every page must rest on pages people can check, never on Wikipedia.

use chrono::Utc;
use helpatlas::geo::{atlas, Numbers};
use helpatlas::model::SourceDate;
use regex::Regex;
use std::collections::{HashMap, HashSet};

const TABLE: &str = include_str!("../../../data/reference/emergency_numbers.tsv");
/// libphonenumber's short-number metadata, extracted once by `data/reference/generate.py`.
const PATTERNS: &str = include_str!("../../../data/reference/emergency_patterns.tsv");

/// Numbers that libphonenumber does not know as emergency numbers of their region, kept because the
/// row's source gives them (its note says which page gives which number): (country, number, source).
/// libphonenumber's metadata is a check, not a source; when a source is wrong, fix the row instead.
const NOT_IN_LIBPHONENUMBER: &[(&str, &str, &str)] = &[
    ("AM", "112", "https://newsarmenia.am/news/incidents/v-armenii-planiruyut-vnedrit-edinyy-nomer-ekstrennogo-reagirovaniya/"),
    ("AM", "911", "https://newsarmenia.am/news/incidents/v-armenii-planiruyut-vnedrit-edinyy-nomer-ekstrennogo-reagirovaniya/"),
    ("AO", "111", "https://www.sapo.pt/noticias/internacional/autoridades-angolanas-alertam-para-uso_5e7c7ee12259591961088c2f"),
    ("AO", "116", "https://www.sapo.pt/noticias/internacional/autoridades-angolanas-alertam-para-uso_5e7c7ee12259591961088c2f"),
    ("AZ", "113", "https://report.az/daxili-siyaset/112-qaynar-xettine-her-gun-6-minden-cox-zeng-daxil-olur"),
    ("BF", "15", "https://burkina24.com/2024/08/08/burkina-faso-renforcement-des-mesures-securitaires-sur-lensemble-du-territoire-national/"),
    ("BI", "118", "https://bdiagnews.com/securite/burundi-les-pompiers-burundais-se-sont-bien-acquittes-de-leur-mission-en-2016"),
    ("BJ", "166", "https://www.kaweru.com/politique-societe/2025/11/07/benin-la-police-republicaine-lance-officiellement-le-numero-dappel-gratuit-117-pour-resserrer-ses-liens-avec-la-population"),
    ("BO", "161", "https://eju.tv/2025/08/para-las-elecciones-se-desplazan-45-ambulancias-a-escala-nacional-estos-son-los-numeros-para-casos-de-emergencia/"),
    ("BO", "167", "https://eju.tv/2025/08/para-las-elecciones-se-desplazan-45-ambulancias-a-escala-nacional-estos-son-los-numeros-para-casos-de-emergencia/"),
    ("BO", "168", "https://eju.tv/2025/08/para-las-elecciones-se-desplazan-45-ambulancias-a-escala-nacional-estos-son-los-numeros-para-casos-de-emergencia/"),
    ("BW", "991", "https://www.sundaystandard.info/donocot-bother-dialing-999/"),
    ("BW", "992", "https://www.sundaystandard.info/donocot-bother-dialing-999/"),
    ("CD", "151", "https://www.lifeinfos.net/?p=5473"),
    ("CF", "1212", "https://ndjonisango.com/2025/05/14/rca-les-numeros-durgence-et-leur-utilite-dans-les-cas-dincidents-majeurs"),
    ("CI", "185", "https://pressecotedivoire.ci/article/4539-une-cinquantaine-dinterventions-enregistrees-par-le-gspm-durant-la-fete-de-noel"),
    ("CM", "110", "https://armellesitchoma.com/2023/10/04/au-coeur-du-difficile-quotidien-des-soldats-du-feu-dans-le-littoral"),
    ("CM", "118", "https://armellesitchoma.com/2023/10/04/au-coeur-du-difficile-quotidien-des-soldats-du-feu-dans-le-littoral"),
    ("CV", "112", "https://governo.cv/112-cabo-verde-e-o-numero-unico-de-emergencia"),
    ("DZ", "1021", "https://djazairess.com/fr/latribune/115532"),
    ("DZ", "1548", "https://djazairess.com/fr/latribune/115532"),
    ("DZ", "3016", "https://djazairess.com/fr/latribune/115532"),
    ("FJ", "910", "https://www.fijivillage.com/news/910-is-now-officially-the-toll-free-number-for-fire-emergency-and-rescue-fx458r"),
    ("GA", "1488", "https://www.union.sonapresse.com/fr/urgence-nocturne-quand-les-numeros-de-la-police-ne-repondent-pas"),
    ("GA", "177", "https://www.union.sonapresse.com/fr/urgence-nocturne-quand-les-numeros-de-la-police-ne-repondent-pas"),
    ("GF", "112", "https://la1ere.francetvinfo.fr/guadeloupe/les-numeros-d-urgence-des-pompiers-du-samu-et-de-la-police-connaissent-des-dysfonctionnements-dans-plusieurs-departements-1024690.html"),
    ("GH", "112", "https://bestnewsgh.com/government-makes-112-new-hotline-for-all-emergency-services/"),
    ("GI", "999", "https://www.police.gi/about-us/our-organisation"),
    ("GP", "112", "https://la1ere.francetvinfo.fr/guadeloupe/les-numeros-d-urgence-des-pompiers-du-samu-et-de-la-police-connaissent-des-dysfonctionnements-dans-plusieurs-departements-1024690.html"),
    ("GT", "122", "https://conred.gob.gt/albergues-brindan-atencion-a-la-poblacion-ante-la-epoca-fria/"),
    ("GT", "125", "https://conred.gob.gt/albergues-brindan-atencion-a-la-poblacion-ante-la-epoca-fria/"),
    ("HN", "911", "https://www.laprensa.hn/honduras/honduras-sistema-911-refuerza-capacidad-respuesta-mantiene-atencion-24-horas-FH29486883"),
    ("IQ", "911", "https://video-agencyia.iq/Detail/10523"),
    ("KE", "1199", "https://www.the-star.co.ke/news/2022-08-07-police-announce-toll-free-emergency-contacts-ahead-of-polls"),
    ("KE", "911", "https://www.the-star.co.ke/news/2022-08-07-police-announce-toll-free-emergency-contacts-ahead-of-polls"),
    ("KG", "112", "https://ru.sputnik.kg/amp/20190322/kyrgyzstan-mchs-prilozhenie-zapusk-1043733103.html"),
    ("LA", "1195", "https://www.hosp.tsukuba.ac.jp/saferlao/2023/10/27/on-october-16-the-ems-command-control-centre-of-vientiane-capital-commenced-operations-at-mittaphab-hospital-ministry-of-health-lao-p-d-r/"),
    ("LA", "1623", "https://www.hosp.tsukuba.ac.jp/saferlao/2023/10/27/on-october-16-the-ems-command-control-centre-of-vientiane-capital-commenced-operations-at-mittaphab-hospital-ministry-of-health-lao-p-d-r/"),
    ("LB", "125", "https://www.lbcgroup.tv/news/lebanon-news/854647/lebanese-civil-defense-escalates-preparedness-before-municipal-electio/en"),
    ("LK", "1990", "https://www.adaderana.lk/news/116150/police-warn-against-misuse-of-119-hotline-legal-action-against-offenders"),
    ("LR", "0770800911", "https://lnp.gov.lr/lnp/index.php/911-number-use-and-abuse/"),
    ("MA", "112", "https://www.challenge.ma/maroc-ces-numeros-quil-faut-avoir-en-cas-durgence-243599/"),
    ("MA", "141", "https://www.challenge.ma/maroc-ces-numeros-quil-faut-avoir-en-cas-durgence-243599/"),
    ("ML", "80001115", "https://ml.ambafrance.org/Consignes-de-securite"),
    ("MM", "191", "https://www.gnlm.com.mm/enhanced-fire-safety-measures-implemented-in-yangon-region-with-cctv-surveillance/"),
    ("MM", "192", "https://www.gnlm.com.mm/enhanced-fire-safety-measures-implemented-in-yangon-region-with-cctv-surveillance/"),
    ("MO", "110", "https://www.fsm.gov.mo/psp/cht/psp_top5_other_5_S.html"),
    ("MO", "119", "https://www.fsm.gov.mo/psp/cht/psp_top5_other_5_S.html"),
    ("MO", "120", "https://www.fsm.gov.mo/psp/cht/psp_top5_other_5_S.html"),
    ("MR", "101", "https://santerim.info/fr/le-ministre-de-la-sante-supervise-le-lancement-officiel-du-programme-daide-medicale-durgence-samu"),
    ("MU", "112", "https://www.lexpress.mu/blog/300398/sos"),
    ("MV", "911", "https://mnn.mv/?p=1311"),
    ("MW", "118", "https://malawi24.com/2018/03/26/malawi-police-brings-back-997/"),
    ("MW", "990", "https://malawi24.com/2018/03/26/malawi-police-brings-back-997/"),
    ("NA", "302302", "https://www.namibian.com.na/prank-calls-just-not-funny-police/"),
    ("NG", "112", "https://realnewsmagazine.net/business-briefs/ncc-to-boost-public-safety-with-emergency-centres/"),
    ("NI", "102", "https://www.el19digital.news/articulos/ver/173131--centro-de-emergencia-comandante-edmundo-perez-flores-contribuye-a-la-seguridad-y-tranquilidad-de-las-familias-nicaraguenses"),
    ("PA", "103", "https://www.laestrella.com.pa/panama/nacional/ejecutivo-impulsara-ley-para-sancionar-abusos-al-sistema-de-emergencias-JH18791008"),
    ("PA", "104", "https://www.laestrella.com.pa/panama/nacional/ejecutivo-impulsara-ley-para-sancionar-abusos-al-sistema-de-emergencias-JH18791008"),
    ("PE", "106", "https://larepublica.pe/amp/sociedad/2022/10/07/mtc-lima-y-callao-tendran-al-911-como-unica-linea-de-ayuda-para-emergencias-y-urgencias-samu-pnp-mimp-linea-100-bomberos-del-peru"),
    ("PG", "112", "https://www.stjohn.org.pg/ambulance-services/national-ambulance-network/"),
    ("PY", "021141", "https://www.rdn.com.py/2026/01/22/emergencias-cuando-llamar-al-911-132-o-141/amp"),
    ("PY", "132", "https://www.rdn.com.py/2026/01/22/emergencias-cuando-llamar-al-911-132-o-141/amp"),
    ("PY", "141", "https://www.rdn.com.py/2026/01/22/emergencias-cuando-llamar-al-911-132-o-141/amp"),
    ("RS", "192", "https://www.kurir.rs/vesti/drustvo/9442167/dacic-u-futogu"),
    ("RS", "193", "https://www.kurir.rs/vesti/drustvo/9442167/dacic-u-futogu"),
    ("RS", "194", "https://www.kurir.rs/vesti/drustvo/9442167/dacic-u-futogu"),
    ("SB", "111", "https://www.einpresswire.com/article/653828991/business-as-usual-in-honiara-rsipf"),
    ("SB", "911", "https://www.einpresswire.com/article/653828991/business-as-usual-in-honiara-rsipf"),
    ("SD", "333", "https://sudanevents.com/index.php/2025/08/06/over-400-counterfeit-printing-machines-handed-over-to-sudans-central-bank"),
    ("SN", "1515", "https://sante.gouv.sn/Pr%C3%A9sentation/la-d%C3%A9couverte-du-samu-national"),
    ("SR", "110", "https://www.gfcnieuws.com/?p=429282"),
    ("SS", "122", "https://www.eyeradio.org/easter-holiday-juba-residents-told-to-call-122-to-report-any-crime-to-police/"),
    ("SS", "777", "https://www.eyeradio.org/easter-holiday-juba-residents-told-to-call-122-to-report-any-crime-to-police/"),
    ("SV", "132", "https://croniosv.com/nacionales/vientos-acelerados-del-noreste-y-ambiente-caluroso/"),
    ("SX", "911", "https://www.721news.com/2022/07/philipsburg-police-station-closed-for-sterilization-and-disinfection/?utm_source=rss&utm_medium=rss&utm_campaign=philipsburg-police-station-closed-for-sterilization-and-disinfection"),
    ("SZ", "977", "https://www.gov.sz/index.php/departments-sp-654042511?id=476"),
    ("TO", "927", "https://www.kanivatonga.nz/2018/05/tcc-unaware-of-claims-911-unanswered-but-will-investigate-procedure-boss-says/"),
    ("TO", "928", "https://www.kanivatonga.nz/2018/05/tcc-unaware-of-claims-911-unanswered-but-will-investigate-procedure-boss-says/"),
    ("TT", "811", "https://www.cdema.org/news-centre/news/57-trinidad-and-tobago/1292-the-odpm-reminds-affected-citizens-how-to-get-help"),
    ("TZ", "0800750112", "https://www.policeforce.go.tz/index.php/sw/11-habari-mpya/64-uzinduzi-wa-namba-za-mawasiliano-ya-dharura-ya-polisi-111-na-112"),
    ("UG", "0800121222", "https://www.howwebiz.ug/news/national/16767/police-issues-toll-free-lines-for-martyrs-day-emergencies"),
    ("UG", "112", "https://www.howwebiz.ug/news/national/16767/police-issues-toll-free-lines-for-martyrs-day-emergencies"),
    ("UG", "122", "https://www.howwebiz.ug/news/national/16767/police-issues-toll-free-lines-for-martyrs-day-emergencies"),
    ("UZ", "101", "https://xs.uz/fr/post/112-unified-dispatch-service-now-fully-operational-across-uzbekistan"),
    ("UZ", "102", "https://xs.uz/fr/post/112-unified-dispatch-service-now-fully-operational-across-uzbekistan"),
    ("UZ", "112", "https://xs.uz/fr/post/112-unified-dispatch-service-now-fully-operational-across-uzbekistan"),
    ("VU", "113", "https://police.gov.vu/what-we-do/safety-security/fire-service"),
    ("VU", "115", "https://police.gov.vu/what-we-do/safety-security/fire-service"),
    ("WF", "9860", "https://la1ere.francetvinfo.fr/wallisfutuna/wallis/securite-activation-ligne-telephone-grand-danger-9860-au-centre-incendie-secours-wallis-486427.html"),
    ("YT", "18", "https://lejournaldemayotte.yt/2025/10/04/urgences-a-mayotte-lars-signale-un-dysfonctionnement-du-15"),
    ("ZW", "911", "https://www.pindula.co.zw/2025/03/27/kazembe-addresses-the-countrys-security-situation-full-statement/"),
];

fn data_files() -> Vec<(String, String)> {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../../data");
    let mut files = Vec::new();
    for dir in ["directory", "reference"] {
        for entry in std::fs::read_dir(format!("{root}/{dir}")).expect("data directory") {
            let path = entry.expect("entry").path();
            let name = path.display().to_string();
            if name.ends_with(".toml") || name.ends_with("emergency_numbers.tsv") {
                files.push((name, std::fs::read_to_string(&path).expect("readable")));
            }
        }
    }
    files
}

#[test]
fn no_data_file_cites_wikipedia() {
    let files = data_files();
    assert!(files.len() > 50, "the data files are found");
    let cited: Vec<&String> = files.iter().filter(|(_, text)| text.contains("wikipedia.org")).map(|(n, _)| n).collect();
    assert!(cited.is_empty(), "Wikipedia is a lead, never a source: {cited:?}");
}

/// Tracking parameters and e-mail redirect wrappers make a source look different from the page it is,
/// and some of them expire: a source is the page's own address.
#[test]
fn no_source_carries_tracking_or_a_redirect_wrapper() {
    let markers = ["utm_", "fbclid=", "gclid=", "awstrack.me"];
    let tracked: Vec<String> = data_files()
        .iter()
        .flat_map(|(name, text)| {
            text.lines()
                .filter(|line| markers.iter().any(|m| line.contains(m)))
                .map(move |line| format!("{name}: {}", line.chars().take(80).collect::<String>()))
        })
        .collect();
    assert!(tracked.is_empty(), "source addresses with tracking: {tracked:#?}");
}

#[test]
fn every_table_row_parses() {
    let rows = TABLE.lines().skip(1).filter(|l| !l.is_empty()).count();
    assert_eq!(atlas().all_emergency_numbers().count(), rows, "a row that does not parse is left out");
    assert!(rows >= 200);
}

#[test]
fn every_row_has_an_https_source_a_check_date_and_a_source_date_no_later() {
    let today = Utc::now().date_naive();
    for e in atlas().all_emergency_numbers() {
        let c = e.country;
        assert!(atlas().country(c).is_some(), "{c}");
        assert!(e.source_url.starts_with("https://"), "{c}: the source must be https");
        assert!(e.more_sources.iter().all(|u| u.starts_with("https://") || u.starts_with("http://")), "{c}");
        assert!(e.checked_on <= today, "{c}: checked in the future");
        if let Some(date) = e.source_date {
            assert!(date <= SourceDate::day(e.checked_on), "{c}: the source is dated after it was read");
        }
    }
}

#[test]
fn none_and_not_known_are_consistent() {
    for e in atlas().all_emergency_numbers() {
        let c = e.country;
        let services = [&e.police, &e.ambulance, &e.fire];
        if services.iter().any(|n| **n == Numbers::NoSeparate) {
            assert!(matches!(e.general, Numbers::Listed(_)), "{c}: `none` for a service needs a general number");
        }
        if e.general == Numbers::NoSeparate {
            assert!(services.iter().any(|n| matches!(n, Numbers::Listed(_))), "{c}: no general number, and no other");
        }
        if e.all_numbers().next().is_none() {
            assert!(e.note.is_some(), "{c}: a row without numbers says in its note what was found");
        }
    }
}

#[test]
fn every_number_is_libphonenumbers_or_a_recorded_exception() {
    let patterns: HashMap<&str, Regex> = PATTERNS
        .lines()
        .skip(1)
        .filter_map(|l| l.split_once('\t'))
        .map(|(region, p)| (region, Regex::new(&format!("^(?:{p})$")).expect("valid pattern")))
        .collect();
    let exceptions: HashSet<(&str, &str)> = NOT_IN_LIBPHONENUMBER.iter().map(|(c, n, _)| (*c, *n)).collect();
    let mut unexplained = Vec::new();
    let mut used = HashSet::new();
    for e in atlas().all_emergency_numbers() {
        let c = e.country.as_str();
        for n in e.all_numbers() {
            let known = patterns.get(c).is_some_and(|p| p.is_match(n));
            match (known, exceptions.contains(&(c, n))) {
                (true, true) => unexplained.push(format!("{c} {n}: libphonenumber knows it now; drop the exception")),
                (false, false) => {
                    unexplained.push(format!("{c} {n}: not in libphonenumber and not a recorded exception"))
                }
                (false, true) => {
                    used.insert((c, n));
                }
                (true, false) => {}
            }
        }
    }
    let stale: Vec<_> = exceptions.difference(&used).collect();
    assert!(unexplained.is_empty(), "{unexplained:#?}");
    assert!(stale.is_empty(), "exceptions for numbers the table no longer has: {stale:?}");
    assert!(NOT_IN_LIBPHONENUMBER.iter().all(|(_, _, source)| source.starts_with("https://")));
}

#[test]
fn the_audits_corrections_hold() {
    let numbers = |c: &str| atlas().emergency_numbers(c.parse().expect("code")).expect(c);
    let ss = numbers("SS");
    assert!(!ss.all_numbers().any(|n| n == "999"), "South Sudan: no source for 999");
    assert_eq!(ss.police, Numbers::Listed(vec!["122".into(), "777".into()]));
    assert_eq!(numbers("AD").ambulance, Numbers::Listed(vec!["116".into()]));
    assert!(numbers("TZ").fire.listed().contains(&"114".to_string()));
    let zm = numbers("ZM");
    assert!(zm.police.listed().contains(&"991".to_string()) && zm.ambulance.listed().contains(&"999".to_string()));
    let dz = numbers("DZ");
    assert!(dz.police.listed().contains(&"1548".to_string()));
    assert!(dz.note.as_deref().is_some_and(|n| n.contains("1055")), "the gendarmerie is 1055");
}
