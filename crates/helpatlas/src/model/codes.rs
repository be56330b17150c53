//! The controlled vocabulary of `shared/design/TAXONOMY.md` as Rust enums.
//!
//! Every code is parsed once at the edge (data files, URL parameters, imports); inside the program only
//! the enums travel, so an unknown code cannot reach a page or the database.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// Returned when a string is not one of a vocabulary's codes; names the valid ones for the message.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown {vocabulary} `{value}` (valid: {valid})")]
pub struct UnknownCode {
    pub vocabulary: &'static str,
    pub value: String,
    pub valid: String,
}

macro_rules! vocabulary {
    ($(#[$meta:meta])* $name:ident, $label:literal { $($variant:ident => $code:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        pub enum $name {
            $(#[serde(rename = $code)] $variant),+
        }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
            pub const VOCABULARY: &'static str = $label;

            pub fn code(self) -> &'static str {
                match self { $($name::$variant => $code),+ }
            }
        }

        impl FromStr for $name {
            type Err = UnknownCode;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                match s {
                    $($code => Ok($name::$variant),)+
                    _ => Err(UnknownCode {
                        vocabulary: $label,
                        value: s.to_string(),
                        valid: [$($code),+].join(", "),
                    }),
                }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.code())
            }
        }
    };
}

vocabulary!(
    /// The five kinds of help; the codes are URL segments.
    Kind, "kind" {
        OnlineTherapy => "online-therapy",
        InPerson => "in-person",
        SupportGroups => "support-groups",
        Helplines => "helplines",
        Communities => "communities",
    }
);

vocabulary!(Form, "form" {
    VideoTherapy => "video-therapy",
    PhoneTherapy => "phone-therapy",
    GuidedInternetProgram => "guided-internet-program",
    SelfGuidedProgram => "self-guided-program",
    DigitalTherapeutic => "digital-therapeutic",
    CrisisLine => "crisis-line",
    EmotionalSupportLine => "emotional-support-line",
    SpecialistLine => "specialist-line",
    TextLine => "text-line",
    ChatService => "chat-service",
    OutpatientClinic => "outpatient-clinic",
    CommunityTeam => "community-team",
    EmergencyPsychiatry => "emergency-psychiatry",
    OutOfHoursDoctor => "out-of-hours-doctor",
    CounsellingCentre => "counselling-centre",
    MeetingNetwork => "meeting-network",
    ModeratedForum => "moderated-forum",
    PeerCommunity => "peer-community",
});

vocabulary!(Topic, "topic" {
    SuicidalThoughts => "suicidal-thoughts",
    SelfHarm => "self-harm",
    Anxiety => "anxiety",
    Panic => "panic",
    SocialAnxiety => "social-anxiety",
    GeneralisedAnxiety => "generalised-anxiety",
    Phobias => "phobias",
    Depression => "depression",
    PtsdTrauma => "ptsd-trauma",
    Insomnia => "insomnia",
    Ocd => "ocd",
    EatingDisorders => "eating-disorders",
    Bipolar => "bipolar",
    Psychosis => "psychosis",
    Adhd => "adhd",
    SubstanceUse => "substance-use",
    Alcohol => "alcohol",
    Gambling => "gambling",
    Grief => "grief",
    Loneliness => "loneliness",
    Stress => "stress",
    Relationships => "relationships",
    Family => "family",
    AbuseViolence => "abuse-violence",
    SexualViolence => "sexual-violence",
    Bullying => "bullying",
    GenderSexuality => "gender-sexuality",
    PerinatalParenting => "perinatal-parenting",
    PhysicalIllness => "physical-illness",
    MoneyWorries => "money-worries",
    WorkStudy => "work-study",
});

vocabulary!(Audience, "audience" {
    Children => "children",
    YoungPeople => "young-people",
    Students => "students",
    Adults => "adults",
    OlderPeople => "older-people",
    Men => "men",
    Women => "women",
    Lgbtq => "lgbtq",
    Veterans => "veterans",
    Parents => "parents",
    Carers => "carers",
    Indigenous => "indigenous",
    MigrantsRefugees => "migrants-refugees",
    DeafHardOfHearing => "deaf-hard-of-hearing",
    HealthWorkers => "health-workers",
});

vocabulary!(ChannelType, "channel" {
    Phone => "phone",
    Sms => "sms",
    Chat => "chat",
    Video => "video",
    Email => "email",
    Messaging => "messaging",
    App => "app",
    WebProgram => "web-program",
    InPerson => "in-person",
});

vocabulary!(Cost, "cost" {
    Free => "free",
    PublicCoverage => "public-coverage",
    LowCost => "low-cost",
    SlidingScale => "sliding-scale",
    PrivateInsurance => "private-insurance",
    Paid => "paid",
});

vocabulary!(DeliveredBy, "delivered-by" {
    Professionals => "professionals",
    TrainedVolunteers => "trained-volunteers",
    Peers => "peers",
});

vocabulary!(Moderation, "moderation" {
    ProfessionallyModerated => "professionally-moderated",
    PeerModerated => "peer-moderated",
    Unmoderated => "unmoderated",
});

vocabulary!(Referral, "referral" {
    None => "none",
    SelfReferral => "self-referral",
    Gp => "gp",
    AnyDoctor => "any-doctor",
});

vocabulary!(
    /// Whether the organisation's own page confirms the facts (`verified`) or only a third-party list does.
    VerificationStatus, "status" {
        Verified => "verified",
        Unverified => "unverified",
    }
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_through_their_strings() {
        for kind in Kind::ALL {
            assert_eq!(kind.code().parse::<Kind>(), Ok(*kind));
        }
        for topic in Topic::ALL {
            assert_eq!(topic.code().parse::<Topic>(), Ok(*topic));
        }
    }

    #[test]
    fn an_unknown_code_names_the_valid_ones() {
        let err = "therapy".parse::<Kind>().unwrap_err();
        assert_eq!(
            err.to_string(),
            "unknown kind `therapy` (valid: online-therapy, in-person, support-groups, helplines, communities)"
        );
    }
}
