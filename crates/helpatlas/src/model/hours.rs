//! Opening hours in wall-clock time of an IANA zone.
//!
//! HSDS only knows a fixed UTC offset, which is wrong for half the year wherever clocks change; keeping
//! local wall-clock rules plus the zone makes "open now" right on both sides of a daylight-saving switch.

use chrono::{DateTime, Datelike, NaiveDate, TimeZone, Timelike, Utc, Weekday};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

const MINUTES_PER_DAY: u16 = 24 * 60;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum HoursError {
    #[error("`{0}` is not a time of day (expected HH:MM)")]
    Time(String),
    #[error("`{0}` is not a day or day range (expected e.g. Mo, Mo-Fr, Mo,We,Sa-Su)")]
    Days(String),
    #[error("`{0}` is not an opening rule (expected `24/7` or e.g. `Mo-Fr 09:00-17:00`)")]
    Rule(String),
    #[error("`{0}` is not a dated exception (expected `YYYY-MM-DD closed` or `YYYY-MM-DD HH:MM-HH:MM`)")]
    Exception(String),
    #[error("`{0}` opens and closes at the same time")]
    Empty(String),
}

/// A span of one day, in minutes after local midnight. `closes <= opens` means it runs past midnight.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Span {
    pub opens: u16,
    pub closes: u16,
}

impl Span {
    fn crosses_midnight(self) -> bool {
        self.closes <= self.opens
    }

    fn contains_same_day(self, minute: u16) -> bool {
        minute >= self.opens && (self.crosses_midnight() || minute < self.closes)
    }

    fn contains_next_day(self, minute: u16) -> bool {
        self.crosses_midnight() && minute < self.closes
    }
}

impl FromStr for Span {
    type Err = HoursError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let (opens, closes) = s.split_once('-').ok_or_else(|| HoursError::Rule(s.into()))?;
        let span = Span { opens: parse_time(opens)?, closes: parse_time(closes)? };
        if span.opens == span.closes || span.opens == MINUTES_PER_DAY {
            return Err(HoursError::Empty(s.into()));
        }
        Ok(span)
    }
}

impl fmt::Display for Span {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-{}", format_time(self.opens), format_time(self.closes))
    }
}

fn parse_time(s: &str) -> Result<u16, HoursError> {
    let bad = || HoursError::Time(s.into());
    let (h, m) = s.trim().split_once(':').ok_or_else(bad)?;
    if h.len() != 2 || m.len() != 2 {
        return Err(bad());
    }
    let (h, m): (u16, u16) = (h.parse().map_err(|_| bad())?, m.parse().map_err(|_| bad())?);
    let minutes = h * 60 + m;
    if m >= 60 || minutes > MINUTES_PER_DAY {
        return Err(bad());
    }
    Ok(minutes)
}

pub fn format_time(minutes: u16) -> String {
    format!("{:02}:{:02}", minutes / 60, minutes % 60)
}

const DAY_CODES: [(&str, Weekday); 7] = [
    ("Mo", Weekday::Mon),
    ("Tu", Weekday::Tue),
    ("We", Weekday::Wed),
    ("Th", Weekday::Thu),
    ("Fr", Weekday::Fri),
    ("Sa", Weekday::Sat),
    ("Su", Weekday::Sun),
];

/// A set of weekdays, bit 0 = Monday.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Days(u8);

impl Days {
    pub const EVERY_DAY: Days = Days(0b111_1111);

    pub fn contains(self, day: Weekday) -> bool {
        self.0 & (1 << day.num_days_from_monday()) != 0
    }

    pub fn iter(self) -> impl Iterator<Item = Weekday> {
        DAY_CODES.iter().map(|(_, d)| *d).filter(move |d| self.contains(*d))
    }

    fn with(self, day: Weekday) -> Days {
        Days(self.0 | 1 << day.num_days_from_monday())
    }
}

fn parse_day(s: &str) -> Option<Weekday> {
    DAY_CODES.iter().find(|(code, _)| *code == s).map(|(_, d)| *d)
}

impl FromStr for Days {
    type Err = HoursError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bad = || HoursError::Days(s.into());
        let mut days = Days::default();
        for part in s.split(',') {
            let (first, last) = part.split_once('-').unwrap_or((part, part));
            let (mut day, last) = (parse_day(first).ok_or_else(bad)?, parse_day(last).ok_or_else(bad)?);
            days = days.with(day);
            while day != last {
                day = day.succ();
                days = days.with(day);
            }
        }
        Ok(days)
    }
}

impl fmt::Display for Days {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let codes: Vec<&str> = DAY_CODES.iter().filter(|(_, d)| self.contains(*d)).map(|(c, _)| *c).collect();
        f.write_str(&codes.join(","))
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct WeeklyRule {
    pub days: Days,
    pub span: Span,
}

/// A date on which the weekly rules do not apply: closed, or open only during `open`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct DatedException {
    pub date: NaiveDate,
    pub open: Option<Span>,
}

impl FromStr for DatedException {
    type Err = HoursError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bad = || HoursError::Exception(s.into());
        let (date, rest) = s.trim().split_once(' ').ok_or_else(bad)?;
        let date = NaiveDate::parse_from_str(date, "%Y-%m-%d").map_err(|_| bad())?;
        let open = match rest.trim() {
            "closed" => None,
            span => Some(span.parse::<Span>()?),
        };
        Ok(DatedException { date, open })
    }
}

impl fmt::Display for DatedException {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.open {
            None => write!(f, "{} closed", self.date),
            Some(span) => write!(f, "{} {span}", self.date),
        }
    }
}

/// When a channel is answered. `always` is the 24/7 case (HSDS has no flag for it).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub struct Hours {
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub always: bool,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub weekly: Vec<WeeklyRule>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub exceptions: Vec<DatedException>,
}

impl Hours {
    /// Parses the data-file notation: entries `24/7` or `DAYS HH:MM-HH:MM`, exceptions as in
    /// [`DatedException`].
    pub fn parse<S: AsRef<str>>(rules: &[S], exceptions: &[S]) -> Result<Hours, HoursError> {
        let mut hours = Hours::default();
        for rule in rules {
            let rule = rule.as_ref().trim();
            if rule == "24/7" {
                hours.always = true;
                continue;
            }
            let (days, span) = rule.split_once(' ').ok_or_else(|| HoursError::Rule(rule.into()))?;
            hours.weekly.push(WeeklyRule { days: days.parse()?, span: span.trim().parse()? });
        }
        hours.exceptions = exceptions.iter().map(|e| e.as_ref().parse()).collect::<Result<_, _>>()?;
        Ok(hours)
    }

    /// The spans that apply on one local date: a dated exception replaces the weekly rules.
    fn spans_on(&self, date: NaiveDate) -> Vec<Span> {
        if let Some(exception) = self.exceptions.iter().find(|e| e.date == date) {
            return exception.open.into_iter().collect();
        }
        if self.always {
            return vec![Span { opens: 0, closes: MINUTES_PER_DAY }];
        }
        let day = date.weekday();
        self.weekly.iter().filter(|r| r.days.contains(day)).map(|r| r.span).collect()
    }

    /// Whether the channel is open at `at`, judged on the wall clock of `zone`.
    pub fn is_open_at(&self, zone: Tz, at: DateTime<Utc>) -> bool {
        let local = zone.from_utc_datetime(&at.naive_utc());
        let date = local.date_naive();
        let minute = (local.hour() * 60 + local.minute()) as u16;
        if self.spans_on(date).iter().any(|s| s.contains_same_day(minute)) {
            return true;
        }
        date.pred_opt().is_some_and(|yesterday| self.spans_on(yesterday).iter().any(|s| s.contains_next_day(minute)))
    }

    /// The data-file notation of the weekly part, e.g. `["Mo-Fr 09:00-17:00"]`.
    pub fn rules_notation(&self) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        if self.always {
            out.push("24/7".into());
        }
        out.extend(self.weekly.iter().map(|r| format!("{} {}", r.days, r.span)));
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono_tz::America::New_York;
    use chrono_tz::Europe::Oslo;

    fn utc(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).expect("test timestamp").with_timezone(&Utc)
    }

    fn hours(rules: &[&str]) -> Hours {
        Hours::parse(rules, &[]).expect("valid rules")
    }

    #[test]
    fn weekday_hours_follow_local_time_across_daylight_saving() {
        let h = hours(&["Mo-Fr 09:00-17:00"]);
        // Winter: Oslo is UTC+1, so 08:30 UTC is 09:30 local.
        assert!(h.is_open_at(Oslo, utc("2026-01-05T08:30:00Z")));
        // Summer: Oslo is UTC+2, so 07:30 UTC is 09:30 local, and 15:30 UTC is 17:30 local (closed).
        assert!(h.is_open_at(Oslo, utc("2026-07-06T07:30:00Z")));
        assert!(!h.is_open_at(Oslo, utc("2026-07-06T15:30:00Z")));
        // A fixed +1 offset would wrongly say closed here.
        assert!(h.is_open_at(Oslo, utc("2026-07-06T07:05:00Z")));
    }

    #[test]
    fn the_night_clocks_change_is_handled() {
        // US clocks spring forward on 2026-03-08 at 02:00 local.
        let h = hours(&["Su 01:00-04:00"]);
        assert!(h.is_open_at(New_York, utc("2026-03-08T06:30:00Z"))); // 01:30 EST
        assert!(h.is_open_at(New_York, utc("2026-03-08T07:30:00Z"))); // 03:30 EDT
        assert!(!h.is_open_at(New_York, utc("2026-03-08T08:30:00Z"))); // 04:30 EDT
    }

    #[test]
    fn overnight_spans_run_into_the_next_day() {
        let h = hours(&["Fr 22:00-02:00"]);
        assert!(h.is_open_at(Oslo, utc("2026-01-09T22:30:00Z"))); // Fri 23:30
        assert!(h.is_open_at(Oslo, utc("2026-01-10T00:30:00Z"))); // Sat 01:30
        assert!(!h.is_open_at(Oslo, utc("2026-01-10T01:30:00Z"))); // Sat 02:30
        assert!(!h.is_open_at(Oslo, utc("2026-01-08T23:30:00Z"))); // Fri 00:30 belongs to Thursday
    }

    #[test]
    fn dated_exceptions_replace_the_weekly_rules() {
        let h = Hours::parse(&["24/7"], &["2026-12-24 closed", "2026-12-31 10:00-14:00"]).expect("valid");
        assert!(!h.is_open_at(Oslo, utc("2026-12-24T12:00:00Z")));
        assert!(h.is_open_at(Oslo, utc("2026-12-31T10:00:00Z")));
        assert!(!h.is_open_at(Oslo, utc("2026-12-31T16:00:00Z")));
        assert!(h.is_open_at(Oslo, utc("2026-12-25T03:00:00Z")));
    }

    #[test]
    fn always_open_with_24_00_closing() {
        let h = hours(&["Mo-Su 00:00-24:00"]);
        assert!(h.is_open_at(Oslo, utc("2026-03-29T01:30:00Z")));
    }

    #[test]
    fn bad_notation_is_rejected_with_the_offending_text() {
        assert_eq!(Hours::parse(&["Mo-Fr 9-17"], &[]), Err(HoursError::Time("9".into())));
        assert!(matches!(Hours::parse(&["Xx 09:00-17:00"], &[]), Err(HoursError::Days(_))));
        assert!(matches!(Hours::parse(&["Mo 09:00-09:00"], &[]), Err(HoursError::Empty(_))));
        assert!(matches!(Hours::parse(&["Mo 25:00-26:00"], &[]), Err(HoursError::Time(_))));
        assert!(matches!(Hours::parse(&[] as &[&str], &["2026-02-30 closed"]), Err(HoursError::Exception(_))));
    }

    #[test]
    fn notation_round_trips() {
        let h = hours(&["Mo-Fr 09:00-17:00", "Sa,Su 22:00-02:00"]);
        assert_eq!(h.rules_notation(), vec!["Mo,Tu,We,Th,Fr 09:00-17:00", "Sa,Su 22:00-02:00"]);
        assert_eq!(hours(&h.rules_notation().iter().map(String::as_str).collect::<Vec<_>>()), h);
    }
}
