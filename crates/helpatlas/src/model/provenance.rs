//! Where a record's facts come from and whether it is still in service: the source's own date (as
//! precise as the page gives it) and the retirement of a service that no longer runs.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::str::FromStr;

/// The date a source gives for its own content: a day, a month or only a year, exactly as precise as
/// the page is. Pages often say "2023" or "May 2024"; writing a day for them would invent a fact.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SourceDate {
    year: i32,
    month: Option<u32>,
    day: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{0}` is not a date of the form YYYY-MM-DD, YYYY-MM or YYYY")]
pub struct SourceDateError(pub String);

impl SourceDate {
    pub fn day(date: NaiveDate) -> SourceDate {
        SourceDate { year: date.year(), month: Some(date.month()), day: Some(date.day()) }
    }

    /// The date, when the source gives the day (not only a month or year).
    pub fn full_date(&self) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(self.year, self.month?, self.day?)
    }

    /// The last day the content can date from: the end of the month or year when only that is known.
    pub fn latest(&self) -> NaiveDate {
        let month = self.month.unwrap_or(12);
        let first_of_next = match month {
            12 => NaiveDate::from_ymd_opt(self.year + 1, 1, 1),
            m => NaiveDate::from_ymd_opt(self.year, m + 1, 1),
        };
        let last_of_month = first_of_next.and_then(|d| d.pred_opt()).unwrap_or(NaiveDate::MAX);
        self.day.and_then(|d| NaiveDate::from_ymd_opt(self.year, month, d)).unwrap_or(last_of_month)
    }

    /// Whether the content is more than `years` years old on `today` (judged by its latest possible day).
    pub fn is_older_than(&self, years: u32, today: NaiveDate) -> bool {
        today.checked_sub_months(chrono::Months::new(12 * years)).is_some_and(|limit| self.latest() < limit)
    }
}

impl FromStr for SourceDate {
    type Err = SourceDateError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let wrong = || SourceDateError(s.to_string());
        let parts: Vec<&str> = s.split('-').collect();
        let digits = |p: &str, n: usize| p.len() == n && p.bytes().all(|b| b.is_ascii_digit());
        let (year, month, day) = match parts.as_slice() {
            [y] if digits(y, 4) => (y, None, None),
            [y, m] if digits(y, 4) && digits(m, 2) => (y, Some(m), None),
            [y, m, d] if digits(y, 4) && digits(m, 2) && digits(d, 2) => (y, Some(m), Some(d)),
            _ => return Err(wrong()),
        };
        let number = |p: &str| p.parse::<u32>().map_err(|_| wrong());
        let date = SourceDate {
            year: year.parse().map_err(|_| wrong())?,
            month: month.map(|m| number(m)).transpose()?,
            day: day.map(|d| number(d)).transpose()?,
        };
        let valid = match (date.month, date.day) {
            (Some(m), Some(d)) => NaiveDate::from_ymd_opt(date.year, m, d).is_some(),
            (Some(m), None) => (1..=12).contains(&m),
            _ => true,
        };
        valid.then_some(date).ok_or_else(wrong)
    }
}

impl fmt::Display for SourceDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
        }
        if let Some(d) = self.day {
            write!(f, "-{d:02}")?;
        }
        Ok(())
    }
}

impl Serialize for SourceDate {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for SourceDate {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

/// Why a service no longer runs (HSDS `service.status` other than `active`). A retired service leaves
/// every public page and API list but is kept, so that it can be restored and its history stays.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Retirement {
    pub status: RetiredStatus,
    /// In the editor's own words: what the source says happened.
    pub reason: String,
}

/// HSDS's two kinds of not running: closed for now, or for good.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RetiredStatus {
    Inactive,
    Defunct,
}

impl RetiredStatus {
    pub fn code(self) -> &'static str {
        match self {
            RetiredStatus::Inactive => "inactive",
            RetiredStatus::Defunct => "defunct",
        }
    }

    /// The HSDS status word, if it is one of retirement.
    pub fn from_hsds(status: &str) -> Option<RetiredStatus> {
        match status {
            "inactive" | "temporarily closed" => Some(RetiredStatus::Inactive),
            "defunct" => Some(RetiredStatus::Defunct),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date")
    }

    #[test]
    fn source_dates_keep_their_precision() {
        for text in ["2023", "2023-05", "2023-05-17"] {
            assert_eq!(text.parse::<SourceDate>().expect(text).to_string(), text);
        }
        for bad in ["23", "2023-5", "2023-13", "2023-02-30", "2023/05/01", "", "2023-05-17T00:00"] {
            assert!(bad.parse::<SourceDate>().is_err(), "{bad}");
        }
    }

    #[test]
    fn a_year_or_month_is_judged_by_its_last_day() {
        assert_eq!("2023".parse::<SourceDate>().expect("year").latest(), date("2023-12-31"));
        assert_eq!("2024-02".parse::<SourceDate>().expect("month").latest(), date("2024-02-29"));
        let today = date("2026-12-04");
        assert!(!"2023-12".parse::<SourceDate>().expect("month").is_older_than(3, today));
        assert!("2023-11".parse::<SourceDate>().expect("month").is_older_than(3, today));
        assert!(!"2023-12-04".parse::<SourceDate>().expect("day").is_older_than(3, today));
        assert!("2023-12-03".parse::<SourceDate>().expect("day").is_older_than(3, today));
    }
}
