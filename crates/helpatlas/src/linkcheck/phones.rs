//! Phone numbers against the numbering plan of their country: libphonenumber's metadata through the
//! `phonenumber` crate. A number that cannot be read, has a length no number of its country has, or
//! falls in no range the plan assigns (fixed line, mobile, toll-free…) is listed for the editors.

use crate::model::PhoneNumber;
use phonenumber::metadata::DATABASE;

/// What is wrong with `value` (`+CC national`), with the region of its calling code; `None` when
/// it is a valid number. Short codes (116 123, 988) are dialled only at home and are not in the
/// national plans libphonenumber's main metadata describes: they are checked for their shape.
pub fn phone_problem(value: &str) -> Option<(String, String)> {
    let Some(written) = PhoneNumber::parse(value) else {
        return Some((String::new(), "is not written as +CC followed by the national number".into()));
    };
    if written.is_short_code() {
        let digits = written.national.len();
        return (digits < 2).then(|| (String::new(), "is too short for a short code".to_string()));
    }
    let parsed = match phonenumber::parse(None, format!("+{}{}", written.country_code, written.national)) {
        Ok(parsed) => parsed,
        Err(e) => return Some((String::new(), format!("cannot be read as a phone number ({e})"))),
    };
    let region = parsed.metadata(&DATABASE).map(|m| m.id().to_string()).unwrap_or_default();
    if parsed.is_valid() {
        return None;
    }
    let Some(meta) = parsed.metadata(&DATABASE) else {
        return Some((region, format!("+{} is not a country calling code in use", written.country_code)));
    };
    let length = written.national.len() as u16;
    let lengths = possible_lengths(meta);
    let problem = match lengths.contains(&length) {
        false => format!(
            "is not valid: numbers of {} have {} digits after +{}, this one {length}",
            meta.id(),
            lengths.iter().map(u16::to_string).collect::<Vec<_>>().join(" or "),
            written.country_code
        ),
        true => format!("is not assigned: no number range of {} includes it", meta.id()),
    };
    Some((region, problem))
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
    fn valid_numbers_pass_and_others_say_why() {
        assert_eq!(phone_problem("+47 22 40 00 40"), None, "Oslo fixed line");
        assert_eq!(phone_problem("+44 116 123"), None, "a short code");
        let (region, problem) = phone_problem("+47 22 40 00 4").expect("too short");
        assert_eq!(region, "NO");
        assert!(problem.contains("this one 7"), "{problem}");
        let (region, problem) = phone_problem("+47 22 40 00 40 1").expect("too long");
        assert_eq!(region, "NO");
        assert!(problem.contains("have 5 or 8 digits") && problem.contains("this one 9"), "{problem}");
        assert!(phone_problem("22 40 00 40").is_some(), "no country code");
    }
}
