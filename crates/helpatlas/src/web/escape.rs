//! The HTML escaping of every template (`askama.toml` names it for `.html`): the five characters
//! askama's own escaper replaces, by the same entities, but in values of a few dozen bytes or more
//! (descriptions, addresses, links) found with memchr's vectorised search rather than byte by byte.
//! Escaping was 7% of the instructions of a computed results page at 100k services: a page writes
//! hundreds of values, nearly all without a character to replace.

use askama::filters::Escaper;
use std::fmt::{self, Write};

#[derive(Debug, Clone, Copy, Default)]
pub struct Html;

/// The entity that replaces one of the five characters, as askama writes it.
fn entity(byte: u8) -> &'static str {
    match byte {
        b'"' => "&#34;",
        b'&' => "&#38;",
        b'\'' => "&#39;",
        b'<' => "&#60;",
        _ => "&#62;",
    }
}

/// Which bytes are one of the five.
const SPECIAL: [bool; 256] = {
    let mut table = [false; 256];
    let mut i = 0;
    while i < 5 {
        table[b"\"&'<>"[i] as usize] = true;
        i += 1;
    }
    table
};

/// Below this length a string is scanned byte by byte with [`SPECIAL`]: memchr's vectorised search
/// pays off only over a few dozen bytes, and most values a page writes are shorter (a label, a
/// number, a name).
const SHORT: usize = 32;

impl Escaper for Html {
    fn write_escaped_str<W: Write>(&self, mut dest: W, text: &str) -> fmt::Result {
        let bytes = text.as_bytes();
        let mut written = 0;
        // Writes the text before the one at `at`, then its entity. The five are ASCII, so `at` is
        // always a character boundary.
        let mut replace = |at: usize| -> fmt::Result {
            if at > written {
                dest.write_str(&text[written..at])?;
            }
            written = at + 1;
            dest.write_str(entity(bytes[at]))
        };
        if bytes.len() < SHORT {
            for at in (0..bytes.len()).filter(|&i| SPECIAL[usize::from(bytes[i])]) {
                replace(at)?;
            }
        } else {
            // memchr takes at most three bytes at a time: the next `<`, `>` or `&` and the next
            // quote, each looked for again only once passed.
            let tags = |from: usize| memchr::memchr3(b'<', b'>', b'&', &bytes[from..]).map(|i| from + i);
            let quotes = |from: usize| memchr::memchr2(b'"', b'\'', &bytes[from..]).map(|i| from + i);
            let (mut tag, mut quote) = (tags(0), quotes(0));
            while let Some(at) = tag.into_iter().chain(quote).min() {
                replace(at)?;
                if tag == Some(at) {
                    tag = tags(at + 1);
                } else {
                    quote = quotes(at + 1);
                }
            }
        }
        if written < text.len() {
            dest.write_str(&text[written..])?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn escaped(escaper: impl Escaper, text: &str) -> String {
        let mut out = String::new();
        escaper.write_escaped_str(&mut out, text).expect("a String takes every write");
        out
    }

    #[test]
    fn the_five_characters_become_askamas_entities() {
        assert_eq!(escaped(Html, r#"<a href="x?a=1&b='2'">"#), "&#60;a href=&#34;x?a=1&#38;b=&#39;2&#39;&#34;&#62;");
        assert_eq!(escaped(Html, ""), "");
        assert_eq!(escaped(Html, "Mental helse – 116 123"), "Mental helse – 116 123");
        assert_eq!(escaped(Html, "&&\"\"<<>>''"), "&#38;&#38;&#34;&#34;&#60;&#60;&#62;&#62;&#39;&#39;");
    }

    proptest! {
        // Any text, with the five characters frequent and many bytes long: exactly what askama's
        // escaper writes.
        #[test]
        fn writes_what_askama_writes(text in "([<>&\"'a-z ]|[\\PC]){0,200}") {
            prop_assert_eq!(escaped(Html, &text), escaped(askama::filters::Html, &text));
        }
    }
}
