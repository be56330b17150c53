//! Turning domain values into what a page shows: links, phone links, hours, areas, eligibility.

use crate::geo::atlas;
use crate::i18n::Messages;
use crate::model::validate::{has_space_or_hidden, Schemes, WebUrl};
use crate::model::{
    Availability, Channel, ChannelType, CountryCode, Days, Hours, Localized, PhoneNumber, Service, ServiceArea,
    SourceDate, Span,
};
use chrono::{DateTime, Utc, Weekday};
use chrono_tz::Tz;

/// Schemes a link on a page may have. Everything else (`javascript:`, `data:`, `vbscript:`, …) is
/// never made a link, whatever the stored value says.
const LINK_SCHEMES: [&str; 5] = ["https", "http", "tel", "sms", "mailto"];

/// The one way a value becomes an `href`: only with a scheme of [`LINK_SCHEMES`], without spaces,
/// control or direction characters, and for web links by the gate's rule (a host, no credentials).
/// Records stored before the gate, or a path that missed it, still cannot put an active link on a
/// page: `None` means the value is shown as text.
pub fn href(value: &str) -> Option<String> {
    let value = value.trim();
    // The scheme is what comes before the first `:`: a value is parsed once, a web link by the gate's
    // parser alone (every result card shows one or two links), which refuses what is checked below.
    let scheme = value.split_once(':')?.0;
    let is = |name: &str| scheme.eq_ignore_ascii_case(name);
    if is("https") || is("http") {
        return WebUrl::parse(value, Schemes::Web).ok().map(WebUrl::into_string);
    }
    if has_space_or_hidden(value) || !LINK_SCHEMES.iter().any(|name| is(name)) {
        return None;
    }
    url::Url::parse(value).ok().map(|_| value.to_string())
}

/// A number to show and the `tel:` link that dials it.
pub struct NumberView {
    pub display: String,
    pub href: String,
}

impl NumberView {
    /// A number dialled as written, such as an emergency number.
    pub fn short(number: &str) -> NumberView {
        let digits: String = number.chars().filter(char::is_ascii_digit).collect();
        NumberView { display: number.to_string(), href: href(&format!("tel:{digits}")).unwrap_or_default() }
    }
}

/// The link and text of a phone number from the data files (`+CC national`) on a page about `country`:
/// shown as dialled there when it is a number of that country, else in international form; the `tel:`
/// link is E.164 (short codes as dialled). See [`PhoneNumber`].
pub fn phone_link(value: &str, country: Option<CountryCode>) -> NumberView {
    match PhoneNumber::parse(value) {
        Some(n) => {
            let display = country.map_or_else(|| n.display(), |c| n.display_in(c.as_str()));
            // `tel:` and digits, as a parsed number holds only those: a link by construction.
            NumberView { display, href: n.tel_href() }
        }
        None => NumberView::short(value),
    }
}

/// A record's text as a page shows it: `lang` is set when the text is in another language than the
/// page, and `note` then says which ("(in English)").
pub struct LocalText {
    pub text: String,
    pub lang: Option<String>,
    pub note: Option<String>,
}

pub fn local_text(text: Localized, page_language: &str, t: &Messages) -> LocalText {
    let other = text.differs_from(page_language).then(|| text.language.to_string());
    LocalText {
        text: text.text.to_string(),
        note: other.as_deref().map(|l| t.with("text.in_language", "language", &t.language_name(l))),
        lang: other,
    }
}

/// "Mon–Fri", "Sat, Sun", "Mon, Wed–Fri": runs of three or more days shown as ranges.
pub fn days_label(days: Days, t: &Messages) -> String {
    let list: Vec<Weekday> = days.iter().collect();
    if list.len() == 7 {
        return t.get("day.every").to_string();
    }
    let mut runs: Vec<Vec<Weekday>> = Vec::new();
    for day in list {
        match runs.last_mut() {
            Some(run) if run.last().is_some_and(|d| d.succ() == day) => run.push(day),
            _ => runs.push(vec![day]),
        }
    }
    let parts: Vec<String> = runs
        .iter()
        .flat_map(|run| match run.as_slice() {
            [first, .., last] if run.len() >= 3 => {
                vec![format!("{}–{}", t.weekday(*first), t.weekday(*last))]
            }
            _ => run.iter().map(|d| t.weekday(*d)).collect(),
        })
        .collect();
    parts.join(", ")
}

/// "09:00–17:00" or "9:00 AM–5:00 PM": the convention of the page's language where the service is.
fn span_label(span: Span, country: Option<CountryCode>, t: &Messages) -> String {
    format!("{}–{}", t.time(span.opens, country), t.time(span.closes, country))
}

/// One line per rule, e.g. "Mon–Fri 09:00–17:00"; dated exceptions after, dated as the page's
/// language writes dates.
pub fn hours_lines(hours: &Hours, country: Option<CountryCode>, t: &Messages) -> Vec<String> {
    let mut lines = Vec::new();
    if hours.always {
        lines.push(t.get("hours.always").to_string());
    }
    for rule in &hours.weekly {
        lines.push(format!("{} {}", days_label(rule.days, t), span_label(rule.span, country, t)));
    }
    for e in &hours.exceptions {
        let what = match e.open {
            None => t.get("hours.closed").to_string(),
            Some(s) => span_label(s, country, t),
        };
        lines.push(format!("{}: {what}", t.date(e.date)));
    }
    lines
}

/// A source's own date: in the page language's format when it gives the day, else as written
/// ("2024-05", "2024").
pub fn source_date_label(date: SourceDate, t: &Messages) -> String {
    date.full_date().map_or_else(|| date.to_string(), |day| t.date(day))
}

pub struct ChannelView {
    pub label: String,
    pub display: String,
    pub href: Option<String>,
    pub hours: Vec<String>,
    /// `open`, `closed` or `unknown`, for the status text and its style.
    pub state: &'static str,
}

fn channel_key(kind: ChannelType) -> &'static str {
    match kind {
        ChannelType::Phone => "channel.phone",
        ChannelType::Sms => "channel.sms",
        ChannelType::Chat => "channel.chat",
        ChannelType::Video => "channel.video",
        ChannelType::Email => "channel.email",
        ChannelType::Messaging => "channel.messaging",
        ChannelType::App => "channel.app",
        ChannelType::WebProgram => "channel.web-program",
        ChannelType::InPerson => "channel.in-person",
    }
}

pub fn channel_label(kind: ChannelType, t: &Messages) -> &str {
    t.get(channel_key(kind))
}

/// How to reach a service by one channel; `country`: where the service is, whose numbers are shown as
/// dialled there and whose clock convention its hours are shown in.
pub fn channel_view(
    channel: &Channel,
    zone: Tz,
    country: Option<CountryCode>,
    now: DateTime<Utc>,
    t: &Messages,
) -> ChannelView {
    let (display, href) = channel_target(channel, country);
    let state = match channel.availability(zone, now) {
        Availability::Open => "open",
        Availability::Closed => "closed",
        Availability::Unknown => "unknown",
    };
    ChannelView {
        label: channel_name(channel, t),
        display,
        href,
        hours: channel.hours.as_ref().map(|h| hours_lines(h, country, t)).unwrap_or_default(),
        state,
    }
}

/// How a channel is shown (a number as dialled from `country`, a short address) and the link that
/// opens it, if any: all a result list needs of it, without its hours.
pub fn channel_target(channel: &Channel, country: Option<CountryCode>) -> (String, Option<String>) {
    match channel.kind {
        // A number's link went through `href` in `phone_link` (or is `tel:` and digits): empty when none.
        ChannelType::Phone => {
            let n = phone_link(&channel.value, country);
            (n.display, Some(n.href).filter(|h| !h.is_empty()))
        }
        ChannelType::Sms => {
            let n = phone_link(&channel.value, country);
            (n.display, Some(n.href.replacen("tel:", "sms:", 1)).filter(|h| !h.is_empty()))
        }
        ChannelType::Email => (channel.value.clone(), href(&format!("mailto:{}", channel.value))),
        _ => match href(&channel.value).filter(|h| h.starts_with("https://") || h.starts_with("http://")) {
            Some(link) => (short_url(&link), Some(link)),
            None => (channel.value.clone(), None),
        },
    }
}

/// The channel's own label, or the name of its kind.
pub fn channel_name(channel: &Channel, t: &Messages) -> String {
    channel.label.clone().unwrap_or_else(|| channel_label(channel.kind, t).to_string())
}

/// `https://www.example.org/path/` → `example.org/path`: readable link text.
pub fn short_url(url: &str) -> String {
    let rest = url.trim_start_matches("https://").trim_start_matches("http://").trim_start_matches("www.");
    rest.trim_end_matches('/').to_string()
}

pub fn area_label(area: &ServiceArea, t: &Messages) -> String {
    match area {
        ServiceArea::World => t.get("area.world").to_string(),
        ServiceArea::Country(c) => t.country_name(*c),
        ServiceArea::Subdivision(code) => match atlas().subdivision(code) {
            Some(s) => format!("{} ({})", s.name, t.country_name(s.country)),
            None => code.clone(),
        },
        ServiceArea::Radius { km, .. } => t.with("area.radius", "km", &format!("{km:.0}")),
    }
}

/// "For residents of Denmark · 18+ · no referral needed": who may use a service, in one line.
pub fn eligibility_line(service: &Service, t: &Messages) -> Option<String> {
    let e = &service.eligibility;
    let mut parts = Vec::new();
    if e.residents_only {
        let areas: Vec<String> = service.areas.iter().map(|a| area_label(a, t)).collect();
        parts.push(t.with("eligibility.residents", "areas", &areas.join(", ")));
    }
    match (e.min_age, e.max_age) {
        (Some(min), Some(max)) => parts.push(format!("{min}–{max}")),
        (Some(min), None) => parts.push(t.with("eligibility.min_age", "age", &min.to_string())),
        (None, Some(max)) => parts.push(t.with("eligibility.max_age", "age", &max.to_string())),
        (None, None) => {}
    }
    if let Some(referral) = e.referral {
        parts.push(t.get(&format!("referral.{}", referral.code())).to_string());
    }
    (!parts.is_empty()).then(|| parts.join(" · "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::english;

    #[test]
    fn short_codes_dial_without_the_country_code() {
        let n = phone_link("+44 116 123", None);
        assert_eq!((n.display.as_str(), n.href.as_str()), ("116 123", "tel:116123"));
        let n = phone_link("+47 22 40 00 40", "NO".parse().ok());
        assert_eq!((n.display.as_str(), n.href.as_str()), ("22 40 00 40", "tel:+4722400040"));
        let n = phone_link("+47 22 40 00 40", "SE".parse().ok());
        assert_eq!(n.display, "+47 22 40 00 40");
    }

    #[test]
    fn only_allowed_schemes_become_links() {
        for bad in [
            "javascript:alert(1)",
            "JAVASCRIPT:alert(1)",
            "java\nscript:alert(1)",
            "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
            "vbscript:msgbox(1)",
            "https://user:pw@example.org/",
            "/relative",
            "\u{202E}https://example.org/",
        ] {
            assert_eq!(href(bad), None, "{bad:?}");
        }
        for good in [
            "https://example.org/a?b=1",
            "http://example.org/",
            "tel:116123",
            "sms:+4722400040",
            "mailto:a@example.org",
        ] {
            assert_eq!(href(good).as_deref(), Some(good));
        }
    }

    #[test]
    fn day_runs_become_ranges() {
        let t = english();
        assert_eq!(days_label("Mo-Fr".parse().expect("days"), t), "Mon–Fri");
        assert_eq!(days_label("Sa,Su".parse().expect("days"), t), "Sat, Sun");
        assert_eq!(days_label("Mo,We-Fr".parse().expect("days"), t), "Mon, Wed–Fri");
        assert_eq!(days_label("Mo-Su".parse().expect("days"), t), "Every day");
    }
}
