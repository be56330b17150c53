//! Phone numbers against the numbering plan of their country: the gate's rule
//! ([`PhoneNumber::checked`]), run again over stored numbers because plans change.

use crate::model::PhoneNumber;

/// What is wrong with `value` (`+CC national`), with the region of its calling code; `None` when
/// it is a valid number.
pub fn phone_problem(value: &str) -> Option<(String, String)> {
    PhoneNumber::checked(value).err().map(|e| (e.region().to_string(), e.to_string()))
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
        assert!(phone_problem("22 40 00 40").is_some(), "no country code");
    }
}
