//! `helpatlas generate`: a realistic synthetic directory for tests and benchmarks, never mixed into the
//! real data. Services are spread over the bundled cities by population, with all five kinds, channels
//! with hours in the city's zone, local languages, topics and service areas of every type. The same
//! `--seed` gives the same bytes.

use crate::geo::{atlas, City};
use crate::hsds;
use crate::model::{
    Audience, Channel, ChannelType, Cost, CountryCode, DeliveredBy, Directory, Eligibility, Form, Hours, Kind,
    Location, Organization, PhoneNumber, Point, Service, ServiceArea, Topic, VerificationStatus,
};
use chrono::{DateTime, Duration, NaiveDate, Utc};
use std::path::{Path, PathBuf};
use uuid::Uuid;

/// Services per output file: keeps every file well under the import size limit.
pub const SERVICES_PER_FILE: usize = 100_000;
/// Services per organization, on average.
const SERVICES_PER_ORGANIZATION: usize = 3;

#[derive(Debug, thiserror::Error)]
pub enum GenerateError {
    #[error("cannot write {path}: {reason}")]
    Write { path: String, reason: String },
}

/// SplitMix64: tiny, fast and fully determined by the seed, which is all synthetic data needs.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    /// True with probability `percent` / 100.
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    fn float(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// The main language of a country (ISO 639-1); English where not listed.
fn language_of(country: CountryCode) -> &'static str {
    const LANGUAGES: &[(&str, &str)] = &[
        ("NO", "no"),
        ("SE", "sv"),
        ("DK", "da"),
        ("FI", "fi"),
        ("DE", "de"),
        ("AT", "de"),
        ("CH", "de"),
        ("NL", "nl"),
        ("BE", "nl"),
        ("FR", "fr"),
        ("ES", "es"),
        ("MX", "es"),
        ("AR", "es"),
        ("CO", "es"),
        ("CL", "es"),
        ("PE", "es"),
        ("IT", "it"),
        ("PT", "pt"),
        ("BR", "pt"),
        ("PL", "pl"),
        ("RU", "ru"),
        ("UA", "uk"),
        ("TR", "tr"),
        ("CN", "zh"),
        ("TW", "zh"),
        ("JP", "ja"),
        ("KR", "ko"),
        ("IN", "hi"),
        ("PK", "ur"),
        ("ID", "id"),
        ("VN", "vi"),
        ("TH", "th"),
        ("EG", "ar"),
        ("SA", "ar"),
        ("IR", "fa"),
        ("RO", "ro"),
        ("HU", "hu"),
        ("GR", "el"),
        ("CZ", "cs"),
    ];
    LANGUAGES.iter().find(|(c, _)| *c == country.as_str()).map_or("en", |(_, l)| l)
}

/// Words to build names and descriptions from, in the languages the stemmers know best.
fn words(language: &str) -> [&'static str; 4] {
    match language {
        "no" => ["psykisk helse", "hjelpetelefon", "samtaletilbud", "for deg som sliter med"],
        "sv" => ["psykisk hälsa", "stödlinje", "samtalsstöd", "för dig som kämpar med"],
        "da" => ["psykisk sundhed", "rådgivning", "samtaletilbud", "for dig der kæmper med"],
        "de" => ["psychische Gesundheit", "Beratungsstelle", "Gesprächsangebot", "für Menschen mit"],
        "fi" => ["mielenterveys", "auttava puhelin", "keskusteluapu", "sinulle jolla on"],
        "es" => ["salud mental", "línea de ayuda", "apoyo", "para personas con"],
        "fr" => ["santé mentale", "ligne d'écoute", "soutien", "pour les personnes vivant avec"],
        _ => ["mental health", "support line", "counselling", "for people living with"],
    }
}

const FORMS: &[(Kind, &[Form])] = &[
    (Kind::OnlineTherapy, &[Form::VideoTherapy, Form::PhoneTherapy, Form::GuidedInternetProgram]),
    (
        Kind::InPerson,
        &[Form::OutpatientClinic, Form::CommunityTeam, Form::CounsellingCentre, Form::EmergencyPsychiatry],
    ),
    (Kind::SupportGroups, &[Form::MeetingNetwork]),
    (Kind::Helplines, &[Form::CrisisLine, Form::EmotionalSupportLine, Form::SpecialistLine, Form::ChatService]),
    (Kind::Communities, &[Form::ModeratedForum, Form::PeerCommunity]),
];

/// Cumulative city populations, to draw cities in proportion to how many people live there.
struct Cities {
    cities: &'static [City],
    cumulative: Vec<u64>,
}

impl Cities {
    fn new() -> Cities {
        let cities = atlas().cities();
        let cumulative = cities
            .iter()
            .scan(0u64, |sum, c| {
                *sum += u64::from(c.population.max(1));
                Some(*sum)
            })
            .collect();
        Cities { cities, cumulative }
    }

    fn draw(&self, rng: &mut Rng) -> &'static City {
        let total = self.cumulative.last().copied().unwrap_or(1);
        let target = rng.next() % total;
        &self.cities[self.cumulative.partition_point(|&c| c <= target).min(self.cities.len() - 1)]
    }
}

fn kind_of(rng: &mut Rng) -> Kind {
    match rng.below(100) {
        0..35 => Kind::InPerson,
        35..55 => Kind::SupportGroups,
        55..70 => Kind::Helplines,
        70..90 => Kind::OnlineTherapy,
        _ => Kind::Communities,
    }
}

/// Where a service of `kind` run from `city` can be used: mostly local, some national, very few
/// worldwide.
fn area_of(kind: Kind, city: &City, rng: &mut Rng) -> ServiceArea {
    let km = 20.0 + 10.0 * (rng.below(7) as f64);
    let roll = rng.below(1000);
    let national_share = match kind {
        Kind::InPerson | Kind::SupportGroups => 0,
        Kind::Helplines => 300,
        Kind::OnlineTherapy => 380,
        Kind::Communities => 600,
    };
    if roll < 2 && kind != Kind::InPerson {
        return ServiceArea::World;
    }
    if roll < national_share {
        return ServiceArea::Country(city.country);
    }
    match (&city.subdivision, roll % 2) {
        (Some(s), 0) => ServiceArea::Subdivision(s.clone()),
        _ => ServiceArea::Radius { center: city.point, km },
    }
}

fn hours(rng: &mut Rng, always_percent: u64) -> Option<Hours> {
    const RULES: &[&[&str]] = &[
        &["Mo-Fr 09:00-17:00"],
        &["Mo-Fr 08:00-15:30"],
        &["Mo-Th 18:00-23:00", "Su 18:00-22:00"],
        &["Mo-Su 20:00-02:00"],
        &["Tu,Th 17:00-21:00"],
    ];
    if rng.chance(always_percent) {
        return Hours::parse(&["24/7"], &[] as &[&str]).ok();
    }
    let rules: &[&str] = RULES[rng.below(RULES.len())];
    Hours::parse(rules, &[] as &[&str]).ok()
}

/// A number that passes the gate's phone rule in `country`: libphonenumber's example fixed-line (else
/// mobile) number of its plan, a documented example rather than anyone's line, as `+CC national`.
fn example_number(country: CountryCode) -> Option<String> {
    let meta = phonenumber::metadata::DATABASE.by_id(country.as_str())?;
    let descriptors = meta.descriptors();
    let example = descriptors.fixed_line().or(descriptors.mobile())?.example()?;
    let parsed = phonenumber::parse(country.as_str().parse().ok(), example).ok()?;
    Some(parsed.format().mode(phonenumber::Mode::International).to_string()).filter(|n| PhoneNumber::checked(n).is_ok())
}

/// The example number of each country, found once: a million services share a few hundred.
#[derive(Default)]
struct ExampleNumbers(std::collections::HashMap<CountryCode, Option<String>>);

impl ExampleNumbers {
    fn of(&mut self, country: CountryCode) -> Option<String> {
        self.0.entry(country).or_insert_with(|| example_number(country)).clone()
    }
}

/// A service's channels; the phone channels only where its country's plan has an example number.
fn channels(kind: Kind, i: usize, rng: &mut Rng, phone: Option<String>) -> Vec<Channel> {
    let channel = |kind, value: String, hours| Channel { kind, value, label: None, hours };
    let web = format!("https://service-{i}.example.org");
    // Numbers once drew a random calling code here; the draw stays so that a seed gives the same
    // directory as before, which the relevance tests' samples rely on.
    rng.below(80);
    match kind {
        Kind::Helplines => {
            // The same draws whether or not there is a phone, so that a seed gives the same directory.
            let phone_hours = hours(rng, 35);
            let chat = rng.chance(40).then(|| channel(ChannelType::Chat, format!("{web}/chat"), hours(rng, 20)));
            match (phone, chat) {
                (Some(p), chat) => std::iter::once(channel(ChannelType::Phone, p, phone_hours)).chain(chat).collect(),
                (None, Some(chat)) => vec![chat],
                (None, None) => vec![channel(ChannelType::Chat, format!("{web}/chat"), phone_hours)],
            }
        }
        Kind::OnlineTherapy => vec![
            channel(ChannelType::Video, format!("{web}/book"), hours(rng, 0)),
            channel(ChannelType::WebProgram, format!("{web}/program"), None),
        ],
        Kind::InPerson => {
            let mut list = vec![channel(ChannelType::InPerson, "visit".into(), hours(rng, 10))];
            let phone_hours = hours(rng, 0);
            list.extend(phone.map(|p| channel(ChannelType::Phone, p, phone_hours)));
            list
        }
        Kind::SupportGroups => vec![
            channel(ChannelType::InPerson, "meetings".into(), hours(rng, 0)),
            channel(ChannelType::Email, format!("groups@service-{i}.example.org"), None),
        ],
        Kind::Communities => vec![channel(ChannelType::App, format!("{web}/app"), None)],
    }
}

fn id(seed: u64, table: &str, i: usize) -> Uuid {
    Uuid::new_v5(&Uuid::NAMESPACE_URL, format!("https://helpatlas.example/generated/{seed}/{table}/{i}").as_bytes())
}

/// The synthetic directory of `services` services for `seed`.
pub fn directory(services: usize, seed: u64) -> Directory {
    let cities = Cities::new();
    let epoch: DateTime<Utc> = DateTime::from_timestamp(1_767_225_600, 0).unwrap_or_default();
    let mut d = Directory::default();
    let mut rng = Rng(seed);
    let mut numbers = ExampleNumbers::default();
    for i in 0..services {
        let o = i / SERVICES_PER_ORGANIZATION;
        let city = cities.draw(&mut rng);
        let language = language_of(city.country);
        let [field, line, talk, for_people] = words(language);
        if i % SERVICES_PER_ORGANIZATION == 0 {
            d.organizations.push(Organization {
                id: id(seed, "organization", o),
                name: format!("{} {field} {}", city.name, o),
                description: format!("{field} {}", city.name),
                url: Some(format!("https://org-{o}.example.org")),
                email: None,
                translations: Default::default(),
                last_modified: epoch,
            });
        }
        let kind = kind_of(&mut rng);
        let forms = FORMS.iter().find(|(k, _)| *k == kind).map_or(&[][..], |(_, f)| f);
        let form = *rng.pick(forms);
        let mut topics: Vec<Topic> = (0..1 + rng.below(4)).map(|_| *rng.pick(Topic::ALL)).collect();
        if form == Form::CrisisLine {
            topics.push(Topic::SuicidalThoughts);
        }
        topics.sort();
        topics.dedup();
        let audiences: Vec<Audience> = if rng.chance(30) { vec![*rng.pick(Audience::ALL)] } else { Vec::new() };
        let mut location_ids = Vec::new();
        if matches!(kind, Kind::InPerson) || (kind == Kind::SupportGroups && rng.chance(70)) {
            let l = d.locations.len();
            let jitter = |rng: &mut Rng| (rng.float() - 0.5) * 0.1;
            d.locations.push(Location {
                id: id(seed, "location", l),
                organization_id: id(seed, "organization", o),
                name: format!("{} {talk}", city.name),
                address: Some(format!("{} Street {}", city.name, 1 + rng.below(200))),
                postal_code: None,
                city: Some(city.name.clone()),
                region: None,
                country: city.country,
                point: Point { lat: city.point.lat + jitter(&mut rng), lon: city.point.lon + jitter(&mut rng) },
                last_modified: epoch,
            });
            location_ids.push(id(seed, "location", l));
        }
        let topic_words: Vec<&str> = topics.iter().map(|t| t.code()).collect();
        let youth = rng.chance(15);
        d.services.push(Service {
            id: id(seed, "service", i),
            organization_id: id(seed, "organization", o),
            name: format!(
                "{} {} {}",
                city.name,
                topic_words.first().map_or(field, |t| t),
                if kind == Kind::Helplines { line } else { talk }
            ),
            alternate_name: None,
            kind,
            forms: vec![form],
            description: format!(
                "{talk} {for_people} {} ({field}), {}.",
                topic_words.join(", ").replace('-', " "),
                city.name
            ),
            url: Some(format!("https://service-{i}.example.org")),
            topics,
            audiences,
            languages: if language == "en" || rng.chance(60) {
                vec![language.to_string()]
            } else {
                vec![language.to_string(), "en".into()]
            },
            cost: Some(*rng.pick(Cost::ALL)),
            delivered_by: vec![*rng.pick(DeliveredBy::ALL)],
            moderation: None,
            areas: vec![area_of(kind, city, &mut rng)],
            eligibility: Eligibility {
                min_age: youth.then_some(12),
                max_age: youth.then_some(25),
                residents_only: rng.chance(10),
                ..Eligibility::default()
            },
            timezone: city.timezone,
            channels: channels(kind, i, &mut rng, numbers.of(city.country)),
            location_ids,
            source_url: format!("https://service-{i}.example.org/about"),
            source_date: None,
            verified_on: NaiveDate::from_ymd_opt(2026, 1, 1).unwrap_or_default()
                - Duration::days(rng.below(1000) as i64),
            status: if rng.chance(80) { VerificationStatus::Verified } else { VerificationStatus::Unverified },
            retired: None,
            translations: Default::default(),
            last_modified: epoch,
        });
    }
    d
}

/// Splits `d` into parts of at most [`SERVICES_PER_FILE`] services, each with the organizations and
/// locations its services refer to (generated in order, so they never straddle two parts).
fn parts(d: Directory) -> Vec<Directory> {
    let mut out: Vec<Directory> = Vec::new();
    let (mut orgs, mut locs) = (d.organizations.into_iter().peekable(), d.locations.into_iter().peekable());
    for chunk in d.services.chunks(SERVICES_PER_FILE) {
        let mut part = Directory { services: chunk.to_vec(), ..Directory::default() };
        let (org_ids, loc_ids): (std::collections::HashSet<Uuid>, std::collections::HashSet<Uuid>) = (
            chunk.iter().map(|s| s.organization_id).collect(),
            chunk.iter().flat_map(|s| s.location_ids.clone()).collect(),
        );
        while let Some(o) = orgs.next_if(|o| org_ids.contains(&o.id)) {
            part.organizations.push(o);
        }
        while let Some(l) = locs.next_if(|l| loc_ids.contains(&l.id)) {
            part.locations.push(l);
        }
        out.push(part);
    }
    out
}

/// Writes the directory into `dir` as Help Atlas JSON: `helpatlas.json`, or `helpatlas-NNNN.json`
/// parts when it is larger than one file should be. Returns the files, in the order to import them.
pub fn write(services: usize, seed: u64, dir: &Path) -> Result<Vec<PathBuf>, GenerateError> {
    let fail = |path: &Path, e: &dyn std::fmt::Display| GenerateError::Write {
        path: path.display().to_string(),
        reason: e.to_string(),
    };
    std::fs::create_dir_all(dir).map_err(|e| fail(dir, &e))?;
    let parts = parts(directory(services, seed));
    let single = parts.len() <= 1;
    let mut files = Vec::new();
    for (n, part) in parts.iter().enumerate() {
        let name = if single { "helpatlas.json".to_string() } else { format!("helpatlas-{:04}.json", n + 1) };
        let path = dir.join(name);
        let json = serde_json::to_vec(part).map_err(|e| fail(&path, &e))?;
        std::fs::write(&path, json).map_err(|e| fail(&path, &e))?;
        files.push(path);
    }
    Ok(files)
}

/// Writes the directory into `dir` in an HSDS form: `hsds.json`, `hsds.ndjson`, or `dir` itself as a
/// data package. Returns what to import.
pub fn write_hsds(services: usize, seed: u64, dir: &Path, form: hsds::Form) -> Result<Vec<PathBuf>, GenerateError> {
    let path = match form {
        hsds::Form::Json => dir.join("hsds.json"),
        hsds::Form::Ndjson => dir.join("hsds.ndjson"),
        hsds::Form::DataPackage => dir.to_path_buf(),
    };
    let fail =
        |e: &dyn std::fmt::Display| GenerateError::Write { path: path.display().to_string(), reason: e.to_string() };
    std::fs::create_dir_all(dir).map_err(|e| fail(&e))?;
    hsds::export(&directory(services, seed), form, &path).map_err(|e| fail(&e))?;
    Ok(vec![path])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_gives_the_same_directory() {
        assert_eq!(directory(300, 7), directory(300, 7));
        assert_ne!(directory(300, 7), directory(300, 8));
    }

    #[test]
    fn every_kind_and_area_type_occurs_and_records_are_consistent() {
        let d = directory(3000, 1);
        for kind in Kind::ALL {
            assert!(d.services.iter().any(|s| s.kind == *kind), "{kind}");
        }
        let areas = |f: fn(&ServiceArea) -> bool| d.services.iter().flat_map(|s| &s.areas).any(f);
        assert!(areas(|a| matches!(a, ServiceArea::World)));
        assert!(areas(|a| matches!(a, ServiceArea::Country(_))));
        assert!(areas(|a| matches!(a, ServiceArea::Subdivision(_))));
        assert!(areas(|a| matches!(a, ServiceArea::Radius { .. })));
        assert!(crate::transfer::check(&d, &crate::store::StoredIds::default()).is_empty());
        let gated = crate::model::validate::directory(&mut d.clone(), crate::model::validate::Mode::Import);
        assert_eq!((gated.refused.len(), gated.cleaned.len()), (0, 0), "{:?}", gated.refused.first());
    }

    #[test]
    fn an_hsds_data_package_can_be_written() {
        let dir = tempfile::tempdir().expect("temporary directory");
        let files = write_hsds(50, 1, dir.path(), hsds::Form::DataPackage).expect("written");
        assert_eq!(files, vec![dir.path().to_path_buf()]);
        assert!(dir.path().join("datapackage.json").is_file());
        assert!(dir.path().join("services.csv").is_file());
    }

    #[test]
    fn parts_keep_their_references() {
        let d = directory(250, 3);
        let whole = d.clone();
        let parts = parts(d);
        assert_eq!(parts.iter().map(|p| p.services.len()).sum::<usize>(), 250);
        assert_eq!(parts.iter().map(|p| p.organizations.len()).sum::<usize>(), whole.organizations.len());
    }
}
