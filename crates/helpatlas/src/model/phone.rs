//! Phone numbers as the data files write them: `+CC national part`, e.g. `+47 116 123`, and the one
//! rule that decides whether such a number can be dialled (`PhoneNumber::checked`): full numbers
//! against the numbering plan of their country (libphonenumber's metadata, through the `phonenumber`
//! crate), short codes against the country's short-number range (see [`PhoneNumber::checked`]).

use super::remembered::Remembered;
use crate::model::CountryCode;
use phonenumber::metadata::DATABASE;
use regex::Regex;
use std::collections::HashMap;
use std::sync::OnceLock;

/// Longest national part that is still a short code (116 123, 13 11 14, 988). Short codes are dialled
/// without the country code: many networks would not connect them with it.
pub const SHORT_CODE_MAX_DIGITS: usize = 6;

/// Longest number as written, with its spaces (E.164 has at most 15 digits).
pub const PHONE_MAX_CHARS: usize = 30;

/// libphonenumber's number patterns of every region, national and short, extracted by
/// `data/reference/generate.py` (its `phone_patterns.tsv`). Its metadata is newer than the
/// `phonenumber` crate's, so a number either accepts is valid.
const PATTERNS: &str = include_str!("../../../../data/reference/phone_patterns.tsv");

/// A number split into its country calling code and national digits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhoneNumber {
    pub country_code: String,
    pub national: String,
    /// The national part as written, with its spacing.
    pub display_national: String,
}

/// Why a phone number cannot be dialled. `region` is the numbering plan's region, where one is known.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PhoneError {
    #[error("`{0}` is not written as +CC followed by the national number (like +47 22 40 00 40)")]
    Shape(String),
    #[error("+{0} is not a country calling code in use")]
    UnknownCallingCode(String),
    #[error("is not valid: numbers of {region} have {lengths} digits after +{calling_code}, this one {length}")]
    Length { region: String, lengths: String, calling_code: String, length: usize },
    #[error("is not assigned: no number range of {region} includes it")]
    Unassigned { region: String },
    #[error("`{code}` is not a short code of +{calling_code}: neither the short-number range of {regions} nor its emergency numbers include it")]
    ShortCode { code: String, calling_code: String, regions: String },
}

impl PhoneError {
    /// The region of the numbering plan the number was checked against; empty when none was found.
    pub fn region(&self) -> &str {
        match self {
            PhoneError::Length { region, .. } | PhoneError::Unassigned { region } => region,
            _ => "",
        }
    }
}

/// One region of a calling code: its ISO code and the patterns of its full and its short numbers.
struct RegionPlan {
    region: String,
    national: Option<Regex>,
    short: Option<Regex>,
}

/// Regions by calling code, from [`PATTERNS`]; a pattern the regex engine cannot read counts as absent.
fn plans() -> &'static HashMap<String, Vec<RegionPlan>> {
    static PLANS: OnceLock<HashMap<String, Vec<RegionPlan>>> = OnceLock::new();
    PLANS.get_or_init(|| {
        let anchored = |p: &&str| Regex::new(&format!("^(?:{p})$")).ok();
        let mut plans: HashMap<String, Vec<RegionPlan>> = HashMap::new();
        for line in PATTERNS.lines().skip(1) {
            let fields: Vec<&str> = line.split('\t').collect();
            let (Some(region), Some(code)) = (fields.first(), fields.get(1)) else { continue };
            let national = fields.get(2).filter(|p| !p.is_empty()).and_then(anchored);
            let short = fields.get(3).filter(|p| !p.is_empty()).and_then(anchored);
            plans.entry(code.to_string()).or_default().push(RegionPlan { region: region.to_string(), national, short });
        }
        plans
    })
}

impl PhoneNumber {
    /// Parses `+CC national…`; `None` unless it has that shape. Says nothing about whether the
    /// number exists: that is [`PhoneNumber::checked`].
    pub fn parse(value: &str) -> Option<PhoneNumber> {
        let (cc, national) = value.strip_prefix('+')?.split_once(' ')?;
        let national_digits: String = national.chars().filter(char::is_ascii_digit).collect();
        let shape_ok = national.chars().all(|c| c.is_ascii_digit() || c == ' ' || c == '-');
        let cc_ok = (1..=3).contains(&cc.len()) && cc.bytes().all(|b| b.is_ascii_digit());
        (shape_ok && cc_ok && !national_digits.is_empty()).then(|| PhoneNumber {
            country_code: cc.to_string(),
            national: national_digits,
            display_national: national.trim().to_string(),
        })
    }

    /// The number written as `+CC national`, if it can be dialled: the one rule every way a number
    /// comes in goes through.
    ///
    /// A full number must lie in a range its country's numbering plan assigns. A short code (at most
    /// [`SHORT_CODE_MAX_DIGITS`] digits) must be in the country's short-number range: matched by
    /// libphonenumber's short-number pattern, or — national plans assign 4- to 6-digit codes such as
    /// Cyprus 1410, Malta 1579 or Greece 1018 that libphonenumber does not list — its first three
    /// digits matched by it; or listed in the emergency-number table for that country.
    pub fn checked(value: &str) -> Result<PhoneNumber, PhoneError> {
        let number = PhoneNumber::parse(value.trim())
            .filter(|_| value.trim().chars().count() <= PHONE_MAX_CHARS)
            .ok_or_else(|| PhoneError::Shape(value.to_string()))?;
        let Some(regions) = plans().get(&number.country_code) else {
            return Err(PhoneError::UnknownCallingCode(number.country_code));
        };
        // The table's patterns first: they are the newer metadata, and much quicker than parsing.
        if regions.iter().any(|r| r.national.as_ref().is_some_and(|p| p.is_match(&number.national))) {
            return Ok(number);
        }
        let parsed = phonenumber::parse(None, format!("+{}{}", number.country_code, number.national)).ok();
        if parsed.as_ref().is_some_and(phonenumber::PhoneNumber::is_valid) {
            return Ok(number);
        }
        if number.is_short_code() {
            return match number.in_short_range(regions) {
                true => Ok(number),
                false => Err(PhoneError::ShortCode {
                    code: number.national.clone(),
                    calling_code: number.country_code.clone(),
                    regions: regions.iter().map(|r| r.region.as_str()).collect::<Vec<_>>().join(", "),
                }),
            };
        }
        let meta = parsed.as_ref().and_then(|p| p.metadata(&DATABASE));
        let lengths = meta.map(possible_lengths).unwrap_or_default();
        let length = number.national.len();
        let region = meta.map_or_else(
            || regions.iter().map(|r| r.region.as_str()).collect::<Vec<_>>().join(", "),
            |m| m.id().to_string(),
        );
        match lengths.is_empty() || u16::try_from(length).is_ok_and(|l| lengths.contains(&l)) {
            true => Err(PhoneError::Unassigned { region }),
            false => Err(PhoneError::Length {
                region,
                lengths: lengths.iter().map(u16::to_string).collect::<Vec<_>>().join(" or "),
                calling_code: number.country_code,
                length,
            }),
        }
    }

    fn in_short_range(&self, regions: &[RegionPlan]) -> bool {
        let code = self.national.as_str();
        let head = code.get(..3).filter(|_| code.len() > 3);
        let in_pattern = |r: &RegionPlan| {
            r.short.as_ref().is_some_and(|p| p.is_match(code) || head.is_some_and(|head| p.is_match(head)))
        };
        let emergency = |r: &RegionPlan| {
            let country = r.region.parse::<CountryCode>().ok();
            let numbers = country.and_then(|c| crate::geo::atlas().emergency_numbers(c));
            numbers.is_some_and(|n| n.all_numbers().any(|listed| listed == code))
        };
        regions.iter().any(|r| in_pattern(r) || emergency(r))
    }

    /// A number as other directories write it (`(555) 123-4567`, `+44 1234 234567`, `0047 22 …`) in
    /// the `+CC national` form, read by the numbering plan of `country` (or by its own `+CC`). `None`
    /// when neither can read it; the caller then keeps the text as given, for the gate to name.
    pub fn from_foreign(text: &str, country: Option<CountryCode>) -> Option<String> {
        let text = text.trim();
        if PhoneNumber::parse(text).is_some() {
            return Some(text.to_string());
        }
        // Letters would be read as a vanity number (1-800-FLOWERS): only digits and punctuation are read.
        if !text.chars().all(|c| c.is_ascii_digit() || " +()-./".contains(c)) {
            return None;
        }
        let region = country.and_then(|c| c.to_string().parse::<phonenumber::country::Id>().ok());
        let parsed = phonenumber::parse(region, text).ok()?;
        let written = parsed.format().mode(phonenumber::Mode::International).to_string();
        PhoneNumber::parse(&written).map(|_| written)
    }

    pub fn is_short_code(&self) -> bool {
        self.national.len() <= SHORT_CODE_MAX_DIGITS
    }

    /// The `tel:` link: E.164 for full numbers, the national digits for short codes.
    pub fn tel_href(&self) -> String {
        match self.is_short_code() {
            true => format!("tel:{}", self.national),
            false => format!("tel:+{}{}", self.country_code, self.national),
        }
    }

    /// What to show: short codes as dialled at home, full numbers in international form.
    pub fn display(&self) -> String {
        match self.is_short_code() {
            true => self.display_national.clone(),
            false => format!("+{} {}", self.country_code, self.display_national),
        }
    }

    /// What to show on a page about `country` (ISO 3166-1 alpha-2): a number of that country as it is
    /// dialled there (national format from libphonenumber's metadata: `0800 1110111`), any other in
    /// international form; short codes always as dialled at home.
    pub fn display_in(&self, country: &str) -> String {
        self.national_format(country).unwrap_or_else(|| self.display())
    }

    /// The national format, when the number is a valid number of `country`'s numbering plan. Remembered:
    /// libphonenumber keeps only 100 compiled patterns, which the numbers of many countries overflow,
    /// so working it out afresh recompiled dozens of regular expressions for every page with numbers.
    fn national_format(&self, country: &str) -> Option<String> {
        static KNOWN: OnceLock<Remembered<(String, String), Option<String>>> = OnceLock::new();
        let key = (format!("{} {}", self.country_code, self.national), country.to_ascii_uppercase());
        KNOWN.get_or_init(Default::default).get_or(key, || self.work_out_national_format(country))
    }

    fn work_out_national_format(&self, country: &str) -> Option<String> {
        if self.is_short_code() {
            return None;
        }
        let parsed = phonenumber::parse(None, format!("+{}{}", self.country_code, self.national)).ok()?;
        let home = parsed.metadata(&phonenumber::metadata::DATABASE)?.id();
        (home.eq_ignore_ascii_case(country) && parsed.is_valid())
            .then(|| parsed.format().mode(phonenumber::Mode::National).to_string())
    }
}

/// The lengths numbers of a plan's types have (its general description often lists none).
fn possible_lengths(meta: &phonenumber::Metadata) -> Vec<u16> {
    use phonenumber::Type;
    let types = [
        Type::FixedLine,
        Type::Mobile,
        Type::TollFree,
        Type::PremiumRate,
        Type::SharedCost,
        Type::PersonalNumber,
        Type::Voip,
        Type::Uan,
    ];
    let mut lengths: Vec<u16> = meta.descriptors().general().possible_length().to_vec();
    for kind in types {
        lengths.extend(meta.descriptors().get(kind).map(|d| d.possible_length().to_vec()).unwrap_or_default());
    }
    lengths.sort_unstable();
    lengths.dedup();
    lengths
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_codes_and_full_numbers_link_differently() {
        let short = PhoneNumber::parse("+44 116 123").expect("valid");
        assert_eq!((short.display(), short.tel_href()), ("116 123".to_string(), "tel:116123".to_string()));
        let full = PhoneNumber::parse("+47 22 40 00 40").expect("valid");
        assert_eq!((full.display(), full.tel_href()), ("+47 22 40 00 40".to_string(), "tel:+4722400040".to_string()));
        assert_eq!(PhoneNumber::parse("116 123"), None);
        assert_eq!(PhoneNumber::parse("+47116123"), None);
        assert_eq!(PhoneNumber::parse("+47 11a"), None);
    }

    #[test]
    fn numbers_of_the_page_country_show_as_dialled_there() {
        let german = PhoneNumber::parse("+49 800 111 0 111").expect("valid");
        assert_eq!(german.display_in("DE"), "0800 1110111");
        assert_eq!(german.display_in("AT"), "+49 800 111 0 111");
        assert_eq!(german.tel_href(), "tel:+498001110111");
        let norwegian = PhoneNumber::parse("+47 22 40 00 40").expect("valid");
        assert_eq!(norwegian.display_in("NO"), "22 40 00 40");
        let japanese = PhoneNumber::parse("+81 120 279 338").expect("valid");
        assert_eq!(japanese.display_in("JP"), "0120-279-338");
        let short = PhoneNumber::parse("+47 116 123").expect("valid");
        assert_eq!(short.display_in("NO"), "116 123");
        // Longer than any number can be: shown as written.
        let impossible = PhoneNumber::parse("+49 1234 5678 9012 3456").expect("shape");
        assert_eq!(impossible.display_in("DE"), "+49 1234 5678 9012 3456");
    }

    #[test]
    fn full_numbers_are_checked_against_the_plan_and_say_why() {
        assert!(PhoneNumber::checked("+47 22 40 00 40").is_ok(), "Oslo fixed line");
        let short = PhoneNumber::checked("+47 22 40 00 4").expect_err("too short");
        assert_eq!(short.region(), "NO");
        assert!(short.to_string().contains("this one 7"), "{short}");
        let long = PhoneNumber::checked("+47 22 40 00 40 1").expect_err("too long");
        assert!(long.to_string().contains("have 5 or 8 digits") && long.to_string().contains("this one 9"), "{long}");
        assert!(matches!(PhoneNumber::checked("22 40 00 40"), Err(PhoneError::Shape(_))));
        assert!(matches!(PhoneNumber::checked("not a number <b>"), Err(PhoneError::Shape(_))));
        assert!(matches!(PhoneNumber::checked("+999 123 456 789"), Err(PhoneError::UnknownCallingCode(_))));
    }

    #[test]
    fn foreign_notations_become_international() {
        let no = "NO".parse::<CountryCode>().ok();
        assert_eq!(PhoneNumber::from_foreign("22 40 00 40", no).as_deref(), Some("+47 22 40 00 40"));
        assert_eq!(PhoneNumber::from_foreign("+47 22 40 00 40", None).as_deref(), Some("+47 22 40 00 40"));
        assert_eq!(PhoneNumber::from_foreign("not a number <b>", no), None);
    }

    #[test]
    fn national_short_codes_in_the_short_range_are_accepted() {
        for code in ["+357 1410", "+356 1579", "+30 1018", "+44 116 123", "+1 988", "+33 15"] {
            assert!(PhoneNumber::checked(code).is_ok(), "{code}: {:?}", PhoneNumber::checked(code));
        }
        let outside = PhoneNumber::checked("+357 9999").expect_err("outside Cyprus's short range");
        assert!(outside.to_string().contains("CY"), "{outside}");
        assert!(PhoneNumber::checked("+47 2").is_err(), "one digit is no short code");
    }
}
