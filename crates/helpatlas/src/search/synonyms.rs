//! Everyday words for the topics of the taxonomy, in several languages, matched on folded text
//! (see `geo::fold`). A phrase that maps to `suicidal-thoughts` or `self-harm` also marks the query as a
//! crisis, so that the emergency number and crisis lines come first.

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
    ("panikanfall", Topic::Panic),
    ("panikattack", Topic::Panic),
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
];

/// Topics the (folded) query text names in everyday words.
pub fn topics_in(folded_query: &str) -> Vec<Topic> {
    let padded = format!(" {folded_query}");
    let mut topics: Vec<Topic> =
        SYNONYMS.iter().filter(|(phrase, _)| padded.contains(&format!(" {phrase}"))).map(|(_, topic)| *topic).collect();
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
    use crate::geo::fold;

    #[test]
    fn everyday_words_map_to_topics() {
        assert_eq!(topics_in(&fold("I can't sleep")), vec![Topic::Insomnia]);
        assert_eq!(topics_in(&fold("panic attacks at work")), vec![Topic::Panic]);
        assert_eq!(topics_in(&fold("hearing voices")), vec![Topic::Psychosis]);
        assert!(is_crisis(&topics_in(&fold("I want to die"))));
        assert!(is_crisis(&topics_in(&fold("Självmordstankar"))));
        assert!(!is_crisis(&topics_in(&fold("grief counselling"))));
    }
}
