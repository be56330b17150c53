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
];

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

/// Topics the (folded) query text names in everyday words.
pub fn topics_in(folded_query: &str) -> Vec<Topic> {
    let words: Vec<&str> = folded_query.split(' ').collect();
    let mut topics: Vec<Topic> = find(&words).into_iter().map(|f| f.topic).collect();
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
        assert_eq!(topics_in(&fold("I can't sleep")), vec![Topic::Insomnia]);
        assert_eq!(topics_in(&fold("panic attacks at work")), vec![Topic::Panic]);
        assert_eq!(topics_in(&fold("hearing voices")), vec![Topic::Psychosis]);
        assert!(is_crisis(&topics_in(&fold("I want to die"))));
        assert!(is_crisis(&topics_in(&fold("Självmordstankar"))));
        assert!(!is_crisis(&topics_in(&fold("grief counselling"))));
        assert!(is_crisis(&topics_in(&fold("Jeg vil ta livet av meg"))));
        assert_eq!(topics_in(&fold("Ängstlich, Schlaflosigkeit")), vec![Topic::Anxiety, Topic::Insomnia]);
    }

    #[test]
    fn a_phrase_spans_the_words_it_matched() {
        let found = find(&["i", "can", "t", "sleep", "at", "night"]);
        assert_eq!(found, vec![Found { topic: Topic::Insomnia, first_word: 1, words: 3 }]);
    }
}
