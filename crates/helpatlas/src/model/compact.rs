//! Dates as numbers in binary formats (the records packed in memory and in a saved index), as text
//! everywhere else: chrono reads its text forms through its general parser, which was about a tenth of
//! the time MessagePack took to read a record back. JSON and the data files are unchanged,
//! since only formats that say they are not human-readable get numbers (as `uuid` does for ids).

use chrono::{DateTime, NaiveDate, Utc};
use serde::de::Error;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A [`NaiveDate`] as its day number counted from 1 January of year 1.
pub mod day {
    use super::*;

    pub fn serialize<S: Serializer>(date: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
        match s.is_human_readable() {
            true => date.serialize(s),
            false => chrono::Datelike::num_days_from_ce(date).serialize(s),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
        if d.is_human_readable() {
            return NaiveDate::deserialize(d);
        }
        let days = i32::deserialize(d)?;
        NaiveDate::from_num_days_from_ce_opt(days)
            .ok_or_else(|| D::Error::custom(format!("no date has day number {days}")))
    }
}

/// A [`DateTime<Utc>`] as seconds since 1970 and the nanoseconds past them, so that nothing is lost.
pub mod instant {
    use super::*;

    pub fn serialize<S: Serializer>(at: &DateTime<Utc>, s: S) -> Result<S::Ok, S::Error> {
        match s.is_human_readable() {
            true => at.serialize(s),
            false => (at.timestamp(), at.timestamp_subsec_nanos()).serialize(s),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<DateTime<Utc>, D::Error> {
        if d.is_human_readable() {
            return DateTime::deserialize(d);
        }
        let (seconds, nanos) = <(i64, u32)>::deserialize(d)?;
        DateTime::from_timestamp(seconds, nanos)
            .ok_or_else(|| D::Error::custom(format!("no time is {seconds} s and {nanos} ns from 1970")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    struct Dated {
        #[serde(with = "day")]
        on: NaiveDate,
        #[serde(with = "instant")]
        at: DateTime<Utc>,
    }

    fn dated() -> Dated {
        let on = NaiveDate::from_ymd_opt(2026, 2, 28).expect("a date");
        let at = DateTime::from_timestamp(1_780_000_000, 123_456_789).expect("a time");
        Dated { on, at }
    }

    #[test]
    fn binary_formats_get_numbers_and_read_them_back_whole() {
        let packed = rmp_serde::to_vec_named(&dated()).expect("packs");
        assert!(!packed.windows(4).any(|w| w == b"2026"), "no date text in {packed:?}");
        assert_eq!(rmp_serde::from_slice::<Dated>(&packed).expect("reads back"), dated());
    }

    #[test]
    fn text_formats_keep_the_text() {
        let json = serde_json::to_string(&dated()).expect("writes");
        assert_eq!(json, r#"{"on":"2026-02-28","at":"2026-05-28T20:26:40.123456789Z"}"#);
        assert_eq!(serde_json::from_str::<Dated>(&json).expect("reads back"), dated());
    }

    #[test]
    fn numbers_out_of_range_are_refused() {
        #[derive(Serialize)]
        struct Raw {
            on: i32,
            at: (i64, u32),
        }
        let packed = rmp_serde::to_vec_named(&Raw { on: i32::MAX, at: (0, 0) }).expect("packs");
        assert!(rmp_serde::from_slice::<Dated>(&packed).is_err());
        let packed = rmp_serde::to_vec_named(&Raw { on: 1, at: (i64::MAX, 0) }).expect("packs");
        assert!(rmp_serde::from_slice::<Dated>(&packed).is_err());
    }
}
