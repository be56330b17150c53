//! What CLDR already knows, through ICU4X's compiled data: country and language names, dates,
//! weekdays and times in a language's own conventions, and the order names sort in.

use super::Language;
use crate::model::remembered::Remembered;
use crate::model::CountryCode;
use chrono::{Datelike, NaiveDate, Weekday};
use icu_calendar::{Date, Gregorian};
use icu_collator::{options::CollatorOptions, Collator, CollatorBorrowed};
use icu_datetime::fieldsets::{E, T, YMD};
use icu_datetime::{FixedCalendarDateTimeFormatter, NoCalendarFormatter};
use icu_locale::names::{LanguageIdentifierDisplayName, RegionDisplayName};
use icu_locale::subtags::Region;
use icu_locale::Locale;
use std::cmp::Ordering;

/// The formatters of one language, made once with its catalogue.
pub struct Cldr {
    locale: Locale,
    collator: Option<CollatorBorrowed<'static>>,
    dates: Option<FixedCalendarDateTimeFormatter<Gregorian, YMD>>,
    weekdays: Option<FixedCalendarDateTimeFormatter<Gregorian, E>>,
    /// ICU4X builds a formatter for every name and time asked (loading its data each time): a page
    /// of results asks dozens, always the same few.
    country_names: Remembered<CountryCode, Option<String>>,
    language_names: Remembered<String, Option<String>>,
    times: Remembered<(u16, Option<CountryCode>), String>,
}

/// The CLDR locale of a language: the pseudo-locale formats as English.
fn locale_of(language: Language) -> Locale {
    let code = if language == Language::Pseudo { "en" } else { language.code() };
    code.parse().unwrap_or(Locale::UNKNOWN)
}

impl Cldr {
    /// A formatter that fails to load (data missing for a language) leaves ISO formats in its place,
    /// which the tests rule out for every interface language.
    pub fn new(language: Language) -> Cldr {
        let locale = locale_of(language);
        Cldr {
            collator: Collator::try_new((&locale).into(), CollatorOptions::default()).ok(),
            dates: FixedCalendarDateTimeFormatter::try_new((&locale).into(), YMD::medium()).ok(),
            weekdays: FixedCalendarDateTimeFormatter::try_new((&locale).into(), E::short()).ok(),
            locale,
            country_names: Remembered::default(),
            language_names: Remembered::default(),
            times: Remembered::default(),
        }
    }

    /// "Norway", "Norvège", "ノルウェー"; `None` when CLDR has no name for the code.
    pub fn country_name(&self, country: CountryCode) -> Option<String> {
        self.country_names.get_or(country, || {
            let region: Region = country.as_str().parse().ok()?;
            RegionDisplayName::try_new_light((&self.locale).into(), region).ok().map(|n| n.as_borrowed().to_string())
        })
    }

    /// "German", "allemand", "ドイツ語" for `de`; `None` when CLDR has no name for the code.
    pub fn language_name(&self, code: &str) -> Option<String> {
        self.language_names.get_or(code.to_string(), || self.work_out_language_name(code))
    }

    fn work_out_language_name(&self, code: &str) -> Option<String> {
        let id: icu_locale::LanguageIdentifier = code.parse().ok()?;
        let name = LanguageIdentifierDisplayName::try_new_heavy((&self.locale).into(), id, Default::default())
            .ok()?
            .as_borrowed()
            .to_string();
        // Without a name CLDR gives back the code itself.
        (!name.eq_ignore_ascii_case(code)).then_some(name)
    }

    /// "Dec 5, 2026", "5 déc. 2026", "2026/12/05".
    pub fn date(&self, date: NaiveDate) -> String {
        let day = u8::try_from(date.day()).ok();
        let month = u8::try_from(date.month()).ok();
        let formatted = self.dates.as_ref().zip(day.zip(month)).and_then(|(f, (day, month))| {
            Date::try_new_gregorian(date.year(), month, day).ok().map(|d| f.format(&d).to_string())
        });
        formatted.unwrap_or_else(|| date.format("%Y-%m-%d").to_string())
    }

    /// "Mon", "lun.", "月".
    pub fn weekday(&self, day: Weekday) -> String {
        // 1 January 2024 was a Monday.
        let offset = u8::try_from(day.num_days_from_monday()).unwrap_or(0);
        let formatted = self
            .weekdays
            .as_ref()
            .and_then(|f| Date::try_new_gregorian(2024, 1, 1 + offset).ok().map(|d| f.format(&d).to_string()));
        formatted.unwrap_or_else(|| day.to_string())
    }

    /// A time of day (minutes after midnight; 24:00 is midnight) as people read it in this language
    /// where `country` is: "9:00 AM" in the United States, "09:00" in Britain, "9:00" in Japan.
    pub fn time(&self, minutes: u16, country: Option<CountryCode>) -> String {
        self.times.get_or((minutes, country), || self.work_out_time(minutes, country))
    }

    fn work_out_time(&self, minutes: u16, country: Option<CountryCode>) -> String {
        let minutes = minutes % (24 * 60);
        let (hour, minute) = (u8::try_from(minutes / 60).unwrap_or(0), u8::try_from(minutes % 60).unwrap_or(0));
        let mut locale = self.locale.clone();
        if let Some(region) = country.and_then(|c| c.as_str().parse::<Region>().ok()) {
            locale.id.region = Some(region);
        }
        NoCalendarFormatter::try_new((&locale).into(), T::hm())
            .ok()
            .zip(icu_time::Time::try_new(hour, minute, 0, 0).ok())
            .map(|(f, time)| f.format(&time).to_string())
            .unwrap_or_else(|| format!("{hour:02}:{minute:02}"))
    }

    /// The order of two names in this language's alphabet ("Österreich" after "Norwegen" in German).
    pub fn compare(&self, a: &str, b: &str) -> Ordering {
        match &self.collator {
            Some(collator) => collator.compare(a, b),
            None => a.cmp(b),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn country(code: &str) -> CountryCode {
        code.parse().expect("country code")
    }

    #[test]
    fn names_come_from_cldr_in_each_language() {
        let ja = Cldr::new(Language::Japanese);
        assert_eq!(ja.country_name(country("NO")).as_deref(), Some("ノルウェー"));
        assert_eq!(ja.language_name("de").as_deref(), Some("ドイツ語"));
        let fr = Cldr::new(Language::French);
        assert_eq!(fr.country_name(country("DE")).as_deref(), Some("Allemagne"));
        assert_eq!(Cldr::new(Language::English).language_name("nb").as_deref(), Some("Norwegian Bokmål"));
        assert_eq!(Cldr::new(Language::English).language_name("bsl"), None);
    }

    #[test]
    fn dates_and_times_follow_the_language_and_the_country() {
        let date = NaiveDate::from_ymd_opt(2026, 3, 5).expect("date");
        assert_eq!(Cldr::new(Language::English).date(date), "Mar 5, 2026");
        assert_eq!(Cldr::new(Language::German).date(date), "05.03.2026");
        assert_eq!(Cldr::new(Language::Japanese).date(date), "2026/03/05");
        let en = Cldr::new(Language::English);
        assert_eq!(en.time(21 * 60 + 30, Some(country("US"))), "9:30\u{202f}PM");
        assert_eq!(en.time(21 * 60 + 30, Some(country("GB"))), "21:30");
        assert_eq!(Cldr::new(Language::NorwegianBokmal).time(9 * 60, Some(country("NO"))), "09:00");
        assert_eq!(en.time(24 * 60, Some(country("GB"))), "00:00");
        assert_eq!(Cldr::new(Language::French).weekday(Weekday::Mon), "lun.");
    }

    #[test]
    fn names_sort_in_the_languages_alphabet() {
        let de = Cldr::new(Language::German);
        let mut names = vec!["Zypern", "Österreich", "Norwegen"];
        names.sort_by(|a, b| de.compare(a, b));
        assert_eq!(names, ["Norwegen", "Österreich", "Zypern"]);
    }
}
