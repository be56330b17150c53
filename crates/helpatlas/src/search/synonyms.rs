//! Everyday words for the topics of the taxonomy, in several languages, matched on folded text
//! (see `geo::fold`). A phrase that maps to `suicidal-thoughts` or `self-harm` also marks the query as a
//! crisis, so that the emergency number and crisis lines come first.

use crate::geo::fold;
use crate::model::Topic;

pub const SYNONYMS: &[(&str, Topic)] = &[
    ("suicid", Topic::SuicidalThoughts),
    ("want to die", Topic::SuicidalThoughts),
    ("wanna die", Topic::SuicidalThoughts),
    ("kill myself", Topic::SuicidalThoughts),
    ("end my life", Topic::SuicidalThoughts),
    ("end it all", Topic::SuicidalThoughts),
    ("no reason to live", Topic::SuicidalThoughts),
    ("selbstmord", Topic::SuicidalThoughts),
    ("suizid", Topic::SuicidalThoughts),
    ("selvmord", Topic::SuicidalThoughts),
    ("sjalvmord", Topic::SuicidalThoughts),
    ("itsemurha", Topic::SuicidalThoughts),
    ("zelfmoord", Topic::SuicidalThoughts),
    ("suicidio", Topic::SuicidalThoughts),
    ("hurt myself", Topic::SelfHarm),
    ("self harm", Topic::SelfHarm),
    ("selfharm", Topic::SelfHarm),
    ("cutting", Topic::SelfHarm),
    ("selvskad", Topic::SelfHarm),
    ("can t sleep", Topic::Insomnia),
    ("cant sleep", Topic::Insomnia),
    ("cannot sleep", Topic::Insomnia),
    ("sleepless", Topic::Insomnia),
    ("sleep problem", Topic::Insomnia),
    ("insomnia", Topic::Insomnia),
    ("sovnproblem", Topic::Insomnia),
    ("schlafstorung", Topic::Insomnia),
    ("panic attack", Topic::Panic),
    ("panik", Topic::Panic),
    ("hearing voices", Topic::Psychosis),
    ("hear voices", Topic::Psychosis),
    ("worried all the time", Topic::GeneralisedAnxiety),
    ("worry", Topic::Anxiety),
    ("anxious", Topic::Anxiety),
    ("angst", Topic::Anxiety),
    ("nervous", Topic::Anxiety),
    ("shy", Topic::SocialAnxiety),
    ("sad", Topic::Depression),
    ("hopeless", Topic::Depression),
    ("depress", Topic::Depression),
    ("masenn", Topic::Depression),
    ("lonely", Topic::Loneliness),
    ("alone", Topic::Loneliness),
    ("ensom", Topic::Loneliness),
    ("drinking", Topic::Alcohol),
    ("drunk", Topic::Alcohol),
    ("alcohol", Topic::Alcohol),
    ("drugs", Topic::SubstanceUse),
    ("addict", Topic::SubstanceUse),
    ("betting", Topic::Gambling),
    ("gambl", Topic::Gambling),
    ("pengespill", Topic::Gambling),
    ("grief", Topic::Grief),
    ("griev", Topic::Grief),
    ("bereave", Topic::Grief),
    ("someone died", Topic::Grief),
    ("sorg", Topic::Grief),
    ("trauma", Topic::PtsdTrauma),
    ("ptsd", Topic::PtsdTrauma),
    ("flashback", Topic::PtsdTrauma),
    ("eating", Topic::EatingDisorders),
    ("anorexi", Topic::EatingDisorders),
    ("bulimi", Topic::EatingDisorders),
    ("stress", Topic::Stress),
    ("burnout", Topic::Stress),
    ("burn out", Topic::Stress),
    ("abuse", Topic::AbuseViolence),
    ("violence", Topic::AbuseViolence),
    ("rape", Topic::SexualViolence),
    ("bullied", Topic::Bullying),
    ("bullying", Topic::Bullying),
    ("mobbing", Topic::Bullying),
    ("debt", Topic::MoneyWorries),
    ("money", Topic::MoneyWorries),
    ("obsessive", Topic::Ocd),
    ("compulsive", Topic::Ocd),
    ("manic", Topic::Bipolar),
    ("postnatal", Topic::PerinatalParenting),
    ("postpartum", Topic::PerinatalParenting),
    // Nordic, German, Dutch and Finnish everyday words, written as people type them; folded on use.
    ("ta livet av meg", Topic::SuicidalThoughts),
    ("ta mitt liv", Topic::SuicidalThoughts),
    ("livstrøtt", Topic::SuicidalThoughts),
    ("lebensmüde", Topic::SuicidalThoughts),
    ("nicht mehr leben", Topic::SuicidalThoughts),
    ("itsetuho", Topic::SuicidalThoughts),
    ("selbstverletz", Topic::SelfHarm),
    ("självskad", Topic::SelfHarm),
    ("ångest", Topic::Anxiety),
    ("ahdistu", Topic::Anxiety),
    ("depresj", Topic::Depression),
    ("nedstemt", Topic::Depression),
    ("nedstämd", Topic::Depression),
    ("søvn", Topic::Insomnia),
    ("sömn", Topic::Insomnia),
    ("schlaflos", Topic::Insomnia),
    ("unettom", Topic::Insomnia),
    ("einsam", Topic::Loneliness),
    ("ensam", Topic::Loneliness),
    ("yksinäi", Topic::Loneliness),
    ("trauer", Topic::Grief),
    ("rouw", Topic::Grief),
    ("spiseforstyrr", Topic::EatingDisorders),
    ("ätstörning", Topic::EatingDisorders),
    ("essstörung", Topic::EatingDisorders),
    ("syömishäiriö", Topic::EatingDisorders),
    ("spelberoend", Topic::Gambling),
    ("spillavhengig", Topic::Gambling),
    ("glücksspiel", Topic::Gambling),
    ("rahapel", Topic::Gambling),
    ("rusmiddel", Topic::SubstanceUse),
    ("alkohol", Topic::Alcohol),
    // Word beginnings several languages share.
    ("depresi", Topic::Depression),
    ("deprim", Topic::Depression),
    ("insomni", Topic::Insomnia),
    ("anxi", Topic::Anxiety),
    ("panico", Topic::Panic),
    ("panique", Topic::Panic),
    ("paniek", Topic::Panic),
    ("drog", Topic::SubstanceUse),
    ("violen", Topic::AbuseViolence),
    ("bipola", Topic::Bipolar),
    ("psicos", Topic::Psychosis),
    ("psychos", Topic::Psychosis),
    ("psykos", Topic::Psychosis),
    ("alimentar", Topic::EatingDisorders),
    ("alimentaire", Topic::EatingDisorders),
    ("stres", Topic::Stress),
    ("tdah", Topic::Adhd),
    ("adhd", Topic::Adhd),
    ("alcool", Topic::Alcohol),
    ("triste", Topic::Depression),
    // Spanish.
    ("quiero morir", Topic::SuicidalThoughts),
    ("me quiero morir", Topic::SuicidalThoughts),
    ("matarme", Topic::SuicidalThoughts),
    ("quitarme la vida", Topic::SuicidalThoughts),
    ("no quiero vivir", Topic::SuicidalThoughts),
    ("acabar con mi vida", Topic::SuicidalThoughts),
    ("autolesi", Topic::SelfHarm),
    ("hacerme dano", Topic::SelfHarm),
    ("cortarme", Topic::SelfHarm),
    ("no puedo dormir", Topic::Insomnia),
    ("problemas para dormir", Topic::Insomnia),
    ("problemas de sueno", Topic::Insomnia),
    ("ansiedad", Topic::Anxiety),
    ("angustia", Topic::Anxiety),
    ("tristeza", Topic::Depression),
    ("soledad", Topic::Loneliness),
    ("me siento solo", Topic::Loneliness),
    ("me siento sola", Topic::Loneliness),
    ("duelo", Topic::Grief),
    ("luto", Topic::Grief),
    ("adicci", Topic::SubstanceUse),
    ("ludopat", Topic::Gambling),
    ("apuestas", Topic::Gambling),
    ("maltrato", Topic::AbuseViolence),
    ("violencia sexual", Topic::SexualViolence),
    ("violacion", Topic::SexualViolence),
    ("acoso", Topic::Bullying),
    ("oigo voces", Topic::Psychosis),
    ("escucho voces", Topic::Psychosis),
    ("deudas", Topic::MoneyWorries),
    // French.
    ("envie de mourir", Topic::SuicidalThoughts),
    ("je veux mourir", Topic::SuicidalThoughts),
    ("me tuer", Topic::SuicidalThoughts),
    ("en finir", Topic::SuicidalThoughts),
    ("automutil", Topic::SelfHarm),
    ("scarifi", Topic::SelfHarm),
    ("me faire du mal", Topic::SelfHarm),
    ("je n arrive pas a dormir", Topic::Insomnia),
    ("troubles du sommeil", Topic::Insomnia),
    ("sommeil", Topic::Insomnia),
    ("angoiss", Topic::Anxiety),
    ("solitude", Topic::Loneliness),
    ("je me sens seul", Topic::Loneliness),
    ("deuil", Topic::Grief),
    ("addiction", Topic::SubstanceUse),
    ("jeux d argent", Topic::Gambling),
    ("agression sexuelle", Topic::SexualViolence),
    ("harcelement", Topic::Bullying),
    ("entends des voix", Topic::Psychosis),
    ("dettes", Topic::MoneyWorries),
    // German.
    ("will sterben", Topic::SuicidalThoughts),
    ("mich umbringen", Topic::SuicidalThoughts),
    ("ritzen", Topic::SelfHarm),
    ("kann nicht schlafen", Topic::Insomnia),
    ("schlafproblem", Topic::Insomnia),
    ("panikattack", Topic::Panic),
    ("traurig", Topic::Depression),
    ("sucht", Topic::SubstanceUse),
    ("spielsucht", Topic::Gambling),
    ("gewalt", Topic::AbuseViolence),
    ("vergewaltig", Topic::SexualViolence),
    ("stimmen horen", Topic::Psychosis),
    ("zwang", Topic::Ocd),
    ("schulden", Topic::MoneyWorries),
    // Portuguese.
    ("quero morrer", Topic::SuicidalThoughts),
    ("me matar", Topic::SuicidalThoughts),
    ("tirar a minha vida", Topic::SuicidalThoughts),
    ("tirar minha vida", Topic::SuicidalThoughts),
    ("automutila", Topic::SelfHarm),
    ("autolesao", Topic::SelfHarm),
    ("nao consigo dormir", Topic::Insomnia),
    ("insonia", Topic::Insomnia),
    ("ansiedade", Topic::Anxiety),
    ("solidao", Topic::Loneliness),
    ("me sinto sozinh", Topic::Loneliness),
    ("apostas", Topic::Gambling),
    ("estupro", Topic::SexualViolence),
    ("ouco vozes", Topic::Psychosis),
    ("dividas", Topic::MoneyWorries),
    // Italian.
    ("voglio morire", Topic::SuicidalThoughts),
    ("uccidermi", Topic::SuicidalThoughts),
    ("togliermi la vita", Topic::SuicidalThoughts),
    ("non riesco a dormire", Topic::Insomnia),
    ("ansia", Topic::Anxiety),
    ("solitudine", Topic::Loneliness),
    ("mi sento solo", Topic::Loneliness),
    ("mi sento sola", Topic::Loneliness),
    ("lutto", Topic::Grief),
    ("dipendenz", Topic::SubstanceUse),
    ("azzardo", Topic::Gambling),
    ("stupro", Topic::SexualViolence),
    ("bullismo", Topic::Bullying),
    ("sento le voci", Topic::Psychosis),
    ("debiti", Topic::MoneyWorries),
    // Dutch.
    ("wil dood", Topic::SuicidalThoughts),
    ("niet meer leven", Topic::SuicidalThoughts),
    ("zelfbeschadig", Topic::SelfHarm),
    ("kan niet slapen", Topic::Insomnia),
    ("slaapproblem", Topic::Insomnia),
    ("slapeloos", Topic::Insomnia),
    ("somber", Topic::Depression),
    ("eenzaam", Topic::Loneliness),
    ("verslav", Topic::SubstanceUse),
    ("gokken", Topic::Gambling),
    ("gokverslav", Topic::Gambling),
    ("verkracht", Topic::SexualViolence),
    ("stemmen horen", Topic::Psychosis),
    ("eetstoorn", Topic::EatingDisorders),
    // Norwegian Bokmål and Swedish.
    ("vil ikke leve", Topic::SuicidalThoughts),
    ("orker ikke mer", Topic::SuicidalThoughts),
    ("vill inte leva", Topic::SuicidalThoughts),
    ("kan ikke sove", Topic::Insomnia),
    ("kan inte sova", Topic::Insomnia),
    ("sovnloshet", Topic::Insomnia),
    ("voldtekt", Topic::SexualViolence),
    ("valdtakt", Topic::SexualViolence),
    ("mobbet", Topic::Bullying),
    ("mobbn", Topic::Bullying),
    ("gjeld", Topic::MoneyWorries),
    // Polish.
    ("samoboj", Topic::SuicidalThoughts),
    ("chce umrzec", Topic::SuicidalThoughts),
    ("zabic sie", Topic::SuicidalThoughts),
    ("samookalecz", Topic::SelfHarm),
    ("nie moge spac", Topic::Insomnia),
    ("bezsennosc", Topic::Insomnia),
    ("problemy ze snem", Topic::Insomnia),
    ("lekow", Topic::Anxiety),
    ("niepokoj", Topic::Anxiety),
    ("smutn", Topic::Depression),
    ("samotn", Topic::Loneliness),
    ("zaloba", Topic::Grief),
    ("uzaleznien", Topic::SubstanceUse),
    ("hazard", Topic::Gambling),
    ("przemoc", Topic::AbuseViolence),
    ("gwalt", Topic::SexualViolence),
    ("nekanie", Topic::Bullying),
    ("odzywian", Topic::EatingDisorders),
    ("dlugi", Topic::MoneyWorries),
];

/// Phrases in scripts that are matched as written, anywhere in the query, before it is split into
/// words: Japanese puts no spaces between words, and Arabic attaches "and", "the" and "to" to the word
/// that follows. Written here as normalised by [`normalise_script`].
pub const SCRIPT_PHRASES: &[(&str, Topic)] = &[
    // Japanese.
    ("死にたい", Topic::SuicidalThoughts),
    ("自殺", Topic::SuicidalThoughts),
    ("自死", Topic::SuicidalThoughts),
    ("消えたい", Topic::SuicidalThoughts),
    ("自傷", Topic::SelfHarm),
    ("リストカット", Topic::SelfHarm),
    ("眠れな", Topic::Insomnia),
    ("寝れな", Topic::Insomnia),
    ("不眠", Topic::Insomnia),
    ("睡眠", Topic::Insomnia),
    ("不安", Topic::Anxiety),
    ("パニック", Topic::Panic),
    ("うつ", Topic::Depression),
    ("鬱", Topic::Depression),
    ("落ち込", Topic::Depression),
    ("孤独", Topic::Loneliness),
    ("寂し", Topic::Loneliness),
    ("さみし", Topic::Loneliness),
    ("死別", Topic::Grief),
    ("悲嘆", Topic::Grief),
    ("ストレス", Topic::Stress),
    ("トラウマ", Topic::PtsdTrauma),
    ("アルコール", Topic::Alcohol),
    ("飲酒", Topic::Alcohol),
    ("薬物", Topic::SubstanceUse),
    ("依存症", Topic::SubstanceUse),
    ("ギャンブル", Topic::Gambling),
    ("虐待", Topic::AbuseViolence),
    ("暴力", Topic::AbuseViolence),
    ("性暴力", Topic::SexualViolence),
    ("性被害", Topic::SexualViolence),
    ("いじめ", Topic::Bullying),
    ("摂食障害", Topic::EatingDisorders),
    ("幻聴", Topic::Psychosis),
    ("統合失調", Topic::Psychosis),
    ("借金", Topic::MoneyWorries),
    // Arabic.
    ("انتحار", Topic::SuicidalThoughts),
    ("انتحر", Topic::SuicidalThoughts),
    ("اريد ان اموت", Topic::SuicidalThoughts),
    ("اقتل نفسي", Topic::SuicidalThoughts),
    ("انهي حياتي", Topic::SuicidalThoughts),
    ("ايذاء النفس", Topic::SelfHarm),
    ("اذي نفسي", Topic::SelfHarm),
    ("لا استطيع النوم", Topic::Insomnia),
    ("لا اقدر انام", Topic::Insomnia),
    ("الارق", Topic::Insomnia),
    ("مشاكل النوم", Topic::Insomnia),
    ("قلق", Topic::Anxiety),
    ("هلع", Topic::Panic),
    ("اكتئاب", Topic::Depression),
    ("مكتئب", Topic::Depression),
    ("حزين", Topic::Depression),
    ("وحيد", Topic::Loneliness),
    ("الوحده", Topic::Loneliness),
    ("حداد", Topic::Grief),
    ("وفاه", Topic::Grief),
    ("صدمه", Topic::PtsdTrauma),
    ("توتر", Topic::Stress),
    ("ضغط نفسي", Topic::Stress),
    ("كحول", Topic::Alcohol),
    ("مخدرات", Topic::SubstanceUse),
    ("ادمان", Topic::SubstanceUse),
    ("قمار", Topic::Gambling),
    ("عنف", Topic::AbuseViolence),
    ("تعنيف", Topic::AbuseViolence),
    ("اغتصاب", Topic::SexualViolence),
    ("تحرش", Topic::SexualViolence),
    ("تنمر", Topic::Bullying),
    ("اضطرابات الاكل", Topic::EatingDisorders),
    ("اسمع اصوات", Topic::Psychosis),
    ("وسواس", Topic::Ocd),
    ("ديون", Topic::MoneyWorries),
];

/// Whether a character belongs to a script whose phrases are matched as written (see
/// [`SCRIPT_PHRASES`]): Japanese kana and kanji, Arabic.
fn is_matched_as_written(c: char) -> bool {
    matches!(c,
        '\u{3040}'..='\u{30ff}' // hiragana, katakana
        | '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}' // kanji
        | '\u{ff66}'..='\u{ff9f}' // half-width katakana
        | '\u{0600}'..='\u{06ff}' | '\u{0750}'..='\u{077f}' // Arabic
    )
}

/// The query as [`SCRIPT_PHRASES`] are written: lowercase, and in Arabic without vowel marks or
/// tatweel, with the alef forms as plain alef, taa marbuta as haa and alef maqsura as yaa, as people
/// type them either way.
pub fn normalise_script(text: &str) -> String {
    text.chars()
        .filter(|c| !matches!(c, '\u{064b}'..='\u{065f}' | '\u{0670}' | '\u{0640}'))
        .map(|c| match c {
            'أ' | 'إ' | 'آ' | 'ٱ' => 'ا',
            'ة' => 'ه',
            'ى' => 'ي',
            other => other,
        })
        .flat_map(char::to_lowercase)
        .collect()
}

/// The topics [`SCRIPT_PHRASES`] name in `text`, and the text left for word matching: when a phrase
/// was found, the rest of the Japanese or Arabic (particles, "I", "cannot") says nothing more and is
/// dropped, since it cannot be split into words.
pub fn find_as_written(text: &str) -> (Vec<Topic>, String) {
    let normal = normalise_script(text);
    let mut topics: Vec<Topic> =
        SCRIPT_PHRASES.iter().filter(|(phrase, _)| normal.contains(phrase)).map(|(_, topic)| *topic).collect();
    if topics.is_empty() {
        return (topics, text.to_string());
    }
    topics.sort();
    topics.dedup();
    let rest = normal.chars().map(|c| if is_matched_as_written(c) { ' ' } else { c }).collect();
    (topics, rest)
}

/// A synonym found in a query: its topic and which words of the query it spans.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Found {
    pub topic: Topic,
    pub first_word: usize,
    pub words: usize,
}

/// The synonym phrases, folded and split into words, once.
fn phrases() -> &'static [(Vec<String>, Topic)] {
    static PHRASES: std::sync::OnceLock<Vec<(Vec<String>, Topic)>> = std::sync::OnceLock::new();
    PHRASES.get_or_init(|| SYNONYMS.iter().map(|(p, t)| (fold(p).split(' ').map(String::from).collect(), *t)).collect())
}

/// Every synonym in the (folded) words of a query: all words of a phrase but the last must be whole
/// words; the last may begin a word ("suicid" matches "suicidal").
pub fn find(words: &[&str]) -> Vec<Found> {
    let mut found = Vec::new();
    for start in 0..words.len() {
        for (phrase, topic) in phrases() {
            let Some(window) = words.get(start..start + phrase.len()) else { continue };
            let (last, init) = phrase.split_last().expect("phrases are not empty");
            let matches = init.iter().zip(window).all(|(p, w)| p == w)
                && window.last().is_some_and(|w| w.starts_with(last.as_str()));
            if matches {
                found.push(Found { topic: *topic, first_word: start, words: phrase.len() });
            }
        }
    }
    found
}

/// Topics the query text names in everyday words, in any language.
pub fn topics_in(query: &str) -> Vec<Topic> {
    let (mut topics, rest) = find_as_written(query);
    let folded = fold(&rest);
    let words: Vec<&str> = folded.split(' ').collect();
    topics.extend(find(&words).into_iter().map(|f| f.topic));
    topics.sort();
    topics.dedup();
    topics
}

/// Whether the topics found signal a crisis.
pub fn is_crisis(topics: &[Topic]) -> bool {
    topics.iter().any(|t| matches!(t, Topic::SuicidalThoughts | Topic::SelfHarm))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn everyday_words_map_to_topics() {
        assert_eq!(topics_in("I can't sleep"), vec![Topic::Insomnia]);
        assert_eq!(topics_in("panic attacks at work"), vec![Topic::Panic]);
        assert_eq!(topics_in("hearing voices"), vec![Topic::Psychosis]);
        assert!(is_crisis(&topics_in("I want to die")));
        assert!(is_crisis(&topics_in("Självmordstankar")));
        assert!(!is_crisis(&topics_in("grief counselling")));
        assert!(is_crisis(&topics_in("Jeg vil ta livet av meg")));
        assert_eq!(topics_in("Ängstlich, Schlaflosigkeit"), vec![Topic::Anxiety, Topic::Insomnia]);
    }

    #[test]
    fn everyday_phrases_in_each_interface_language() {
        let sleep = [
            "no puedo dormir",
            "je n'arrive pas à dormir",
            "Schlafprobleme",
            "não consigo dormir",
            "non riesco a dormire",
            "ik kan niet slapen",
            "søvnproblemer",
            "jag kan inte sova",
            "nie mogę spać",
            "眠れない",
            "夜、眠れないです",
            "لا أستطيع النوم",
            "لا أستطيعُ النومَ",
        ];
        for query in sleep {
            assert_eq!(topics_in(query), vec![Topic::Insomnia], "{query}");
        }
        let crisis = [
            "quiero morir",
            "j'ai envie de mourir",
            "ich will sterben",
            "quero morrer",
            "voglio morire",
            "ik wil dood",
            "jeg vil ikke leve lenger",
            "jag vill inte leva",
            "myśli samobójcze",
            "死にたい",
            "أريد أن أموت",
            "أفكار انتحارية",
        ];
        for query in crisis {
            assert!(is_crisis(&topics_in(query)), "{query}");
        }
        assert!(!is_crisis(&topics_in("ansiedad")));
        assert_eq!(topics_in("不安で眠れない"), vec![Topic::Anxiety, Topic::Insomnia]);
    }

    #[test]
    fn phrases_matched_as_written_leave_the_latin_words() {
        let (topics, rest) = find_as_written("うつ chat");
        assert_eq!(topics, vec![Topic::Depression]);
        assert_eq!(rest.trim(), "chat");
        let (topics, rest) = find_as_written("Mental Helse");
        assert!(topics.is_empty());
        assert_eq!(rest, "Mental Helse");
    }

    #[test]
    fn a_phrase_spans_the_words_it_matched() {
        let found = find(&["i", "can", "t", "sleep", "at", "night"]);
        assert_eq!(found, vec![Found { topic: Topic::Insomnia, first_word: 1, words: 3 }]);
    }
}
