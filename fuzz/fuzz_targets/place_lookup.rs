//! Place lookup as `/places?q=` and `helpatlas places` do it: any text, in any country or none.
#![no_main]

use helpatlas::geo::atlas;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&pick, rest)) = data.split_first() else { return };
    let Ok(query) = std::str::from_utf8(rest) else { return };
    let country = match pick % 4 {
        0 => None,
        1 => atlas().parse_country("no").map(|c| c.code),
        2 => atlas().parse_country("us").map(|c| c.code),
        _ => atlas().parse_country(query.get(..2).unwrap_or_default()).map(|c| c.code),
    };
    let _ = atlas().find_places(query, country, usize::from(pick % 50) + 1);
});
