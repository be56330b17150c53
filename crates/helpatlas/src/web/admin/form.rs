//! Forms as sent: every `name=value` pair in order, so repeated names (checkboxes) and numbered
//! groups (a service's channels) are read as typed.

use url::form_urlencoded;

#[derive(Debug, Clone, Default)]
pub struct FormData(pub Vec<(String, String)>);

impl FormData {
    pub fn parse(bytes: &[u8]) -> FormData {
        FormData(form_urlencoded::parse(bytes).map(|(k, v)| (k.into_owned(), v.into_owned())).collect())
    }

    /// The first value of `name`, or "".
    pub fn get(&self, name: &str) -> &str {
        self.0.iter().find(|(k, _)| k == name).map_or("", |(_, v)| v.as_str())
    }

    pub fn all(&self, name: &str) -> Vec<String> {
        self.0.iter().filter(|(k, _)| k == name).map(|(_, v)| v.clone()).collect()
    }

    pub fn has(&self, name: &str) -> bool {
        self.0.iter().any(|(k, _)| k == name)
    }

    /// `version` as sent: the version the editor's form was made from.
    pub fn version(&self) -> Option<i64> {
        self.get("version").parse().ok()
    }

    /// What a person typed, for showing back (tokens left out).
    pub fn typed(&self) -> Vec<(String, String)> {
        self.0
            .iter()
            .filter(|(k, v)| {
                !["csrf", "form_token", "password", "new_password", "confirm", "current"].contains(&k.as_str())
                    && !v.is_empty()
            })
            .cloned()
            .collect()
    }
}

/// A value as a URL query component.
pub fn encode(value: &str) -> String {
    form_urlencoded::byte_serialize(value.as_bytes()).collect()
}
