//! Phone numbers as the data files write them: `+CC national part`, e.g. `+47 116 123`.

/// Longest national part that is still a short code (116 123, 13 11 14, 988). Short codes are dialled
/// without the country code: many networks would not connect them with it.
pub const SHORT_CODE_MAX_DIGITS: usize = 6;

/// A number split into its country calling code and national digits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhoneNumber {
    pub country_code: String,
    pub national: String,
    /// The national part as written, with its spacing.
    pub display_national: String,
}

impl PhoneNumber {
    /// Parses `+CC national…`; `None` unless it has that shape.
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

    /// The national format, when the number is a valid number of `country`'s numbering plan.
    fn national_format(&self, country: &str) -> Option<String> {
        if self.is_short_code() {
            return None;
        }
        let parsed = phonenumber::parse(None, format!("+{}{}", self.country_code, self.national)).ok()?;
        let home = parsed.metadata(&phonenumber::metadata::DATABASE)?.id();
        (home.eq_ignore_ascii_case(country) && parsed.is_valid())
            .then(|| parsed.format().mode(phonenumber::Mode::National).to_string())
    }
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
}
