//! A person using the editors' area over HTTP: cookies kept as a browser keeps them (only those
//! for `/admin`), forms sent with the tokens their pages carry.

use super::TestApp;
use helpatlas::auth::Actor;
use helpatlas::model::{Role, User};
use std::collections::HashMap;

pub const PASSWORD: &str = "correct horse battery staple";

pub struct Answer {
    pub status: u16,
    pub location: Option<String>,
    pub cookies: Vec<String>,
    pub body: String,
}

pub struct Browser<'a> {
    pub app: &'a TestApp,
    pub base: String,
    pub cookies: HashMap<String, String>,
}

/// The value of `name="NAME" value="…"` in a page (the first one).
pub fn hidden(body: &str, name: &str) -> Option<String> {
    let pattern = format!(r#"name="{name}" value=""#);
    let start = body.find(&pattern)? + pattern.len();
    Some(html_unescape(&body[start..start + body[start..].find('"')?]))
}

fn html_unescape(text: &str) -> String {
    text.replace("&#43;", "+")
        .replace("&#x2b;", "+")
        .replace("&#34;", "\"")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

impl<'a> Browser<'a> {
    pub fn new(app: &'a TestApp) -> Browser<'a> {
        Browser { app, base: app.base.clone(), cookies: HashMap::new() }
    }

    /// The same person on another server (a replica), with the same cookies.
    pub fn on(&self, base: &str) -> Browser<'a> {
        Browser { app: self.app, base: base.to_string(), cookies: self.cookies.clone() }
    }

    fn cookie_header(&self) -> String {
        self.cookies.iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join("; ")
    }

    async fn answer(&mut self, response: reqwest::Response, path: &str) -> Answer {
        let status = response.status().as_u16();
        let location = response.headers().get("location").and_then(|l| l.to_str().ok()).map(str::to_string);
        let cookies: Vec<String> = response
            .headers()
            .get_all("set-cookie")
            .iter()
            .filter_map(|c| c.to_str().ok())
            .map(str::to_string)
            .collect();
        for cookie in &cookies {
            let pair = cookie.split(';').next().unwrap_or_default();
            let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
            let scoped_to_admin = cookie.contains("Path=/admin");
            if scoped_to_admin && path.starts_with("/admin") {
                if value.is_empty() || cookie.contains("Max-Age=0") {
                    self.cookies.remove(name);
                } else {
                    self.cookies.insert(name.to_string(), value.to_string());
                }
            }
        }
        Answer { status, location, cookies, body: response.text().await.expect("body") }
    }

    pub async fn request(&mut self, method: reqwest::Method, path: &str, form: &[(&str, &str)]) -> Answer {
        let mut request = self.app.client.request(method.clone(), format!("{}{path}", self.base));
        if path.starts_with("/admin") && !self.cookies.is_empty() {
            request = request.header("cookie", self.cookie_header());
        }
        if method != reqwest::Method::GET {
            let body = url::form_urlencoded::Serializer::new(String::new()).extend_pairs(form).finish();
            request = request.header("content-type", "application/x-www-form-urlencoded").body(body);
        }
        let response = request.send().await.expect("request succeeds");
        self.answer(response, path).await
    }

    pub async fn get(&mut self, path: &str) -> Answer {
        self.request(reqwest::Method::GET, path, &[]).await
    }

    pub async fn post(&mut self, path: &str, form: &[(&str, &str)]) -> Answer {
        self.request(reqwest::Method::POST, path, form).await
    }

    /// Loads `page` and sends its form with the session's CSRF token and `fields`.
    pub async fn submit(&mut self, page: &str, action: &str, fields: &[(&str, &str)]) -> Answer {
        let form = self.get(page).await;
        let csrf = hidden(&form.body, "csrf").expect("the page has a form with a CSRF token");
        let mut all: Vec<(&str, &str)> = vec![("csrf", csrf.as_str())];
        all.extend_from_slice(fields);
        self.post(action, &all).await
    }

    pub async fn sign_in(&mut self, email: &str, password: &str) -> Answer {
        let form = self.get("/admin/login").await;
        let token = hidden(&form.body, "form_token").expect("sign-in form token");
        self.post(
            "/admin/login",
            &[("form_token", &token), ("email", email), ("password", password), ("next", "/admin")],
        )
        .await
    }

    pub fn session(&self) -> Option<&String> {
        self.cookies.get("helpatlas_session")
    }
}

/// Creates an account with [`PASSWORD`].
pub async fn account(app: &TestApp, email: &str, role: Role) -> User {
    let admin = app.state.admin.as_ref().expect("the editors' area");
    admin.auth.add_user(email, role, Some((PASSWORD, PASSWORD)), &Actor::CommandLine).await.expect("account").user
}

/// A browser signed in as a new account of `role`.
pub async fn signed_in<'a>(app: &'a TestApp, email: &str, role: Role) -> (Browser<'a>, User) {
    let user = account(app, email, role).await;
    let mut browser = Browser::new(app);
    let answer = browser.sign_in(email, PASSWORD).await;
    assert_eq!((answer.status, answer.location.as_deref()), (303, Some("/admin")), "{}", answer.body);
    (browser, user)
}
