//! The query string of a results page: parsed, turned into filters and a place, and into a search.
#![no_main]

use helpatlas::geo::atlas;
use helpatlas::web::params::Params;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(raw) = std::str::from_utf8(data) else { return };
    let Ok(params) = Params::parse(Some(raw)) else { return };
    let t = helpatlas::i18n::english();
    for code in ["no", "us", "de", "in"] {
        let Ok(filters) = params.filters(t) else { return };
        let Some(country) = atlas().parse_country(code) else { continue };
        if let Ok(choice) = params.place(country.code, t) {
            let _ = filters.query(choice.place, None, chrono::Utc::now());
        }
    }
    let _ = params.without(&["page"], Some(("page", "2")));
});
