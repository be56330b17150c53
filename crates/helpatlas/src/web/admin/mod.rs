//! The editors' area at `/admin`: accounts, editing every record, history, retirement, closures and
//! the verification dashboard. Plain HTML forms, no JavaScript needed.
//!
//! Every route is declared once in [`table`] with who may use it; the router is built from that
//! table and each route gets the same guard ([`guard::check`]): session, role and CSRF token. The
//! authorisation tests enumerate the same table, so no route can be left out of either.

mod accounts;
mod dashboard;
mod feeds;
mod form;
mod guard;
mod history;
mod links;
mod merges;
mod page;
mod queue;
mod records;
mod service;
mod sign_in;

pub use guard::{Access, SESSION_COOKIE};

use crate::auth::Auth;
use crate::editing::Editing;
use crate::store::{Store, StoreError};
use axum::http::Method;
use axum::routing::{get, post, MethodRouter};
use axum::Router;
use std::collections::BTreeMap;
use std::sync::Arc;

use super::AppState;

/// Settings of the editors' area.
#[derive(Debug, Clone, Copy)]
pub struct AdminSettings {
    /// Trust `X-Forwarded-For` and `X-Forwarded-Proto` from a reverse proxy in front of the server.
    pub trust_proxy: bool,
    /// A service is due for verification this many months after it was last verified.
    pub verify_months: u32,
    /// The dashboard lists services due within this many days as due soon.
    pub due_soon_days: u32,
}

impl Default for AdminSettings {
    fn default() -> Self {
        AdminSettings { trust_proxy: false, verify_months: 12, due_soon_days: 30 }
    }
}

/// What the editors' area needs besides the public state.
pub struct AdminState {
    pub store: Arc<dyn Store>,
    pub auth: Auth,
    pub editing: Editing,
    pub settings: AdminSettings,
}

impl AdminState {
    pub async fn new(store: Arc<dyn Store>, settings: AdminSettings) -> Result<AdminState, StoreError> {
        Ok(AdminState { auth: Auth::new(store.clone()).await?, editing: Editing::new(store.clone()), store, settings })
    }
}

/// One route of the editors' area and who may use it.
pub struct Route {
    pub path: &'static str,
    pub method: Method,
    pub access: Access,
    handler: MethodRouter<AppState>,
}

fn route(path: &'static str, method: Method, access: Access, handler: MethodRouter<AppState>) -> Route {
    Route { path, method, access, handler }
}

/// Every route of the editors' area.
pub fn table() -> Vec<Route> {
    use Access::{Admin, Editor, Open, Signed};
    let (g, p) = (Method::GET, Method::POST);
    vec![
        route("/admin/login", g.clone(), Open, get(sign_in::form)),
        route("/admin/login", p.clone(), Open, post(sign_in::submit)),
        route("/admin/logout", p.clone(), Signed, post(sign_in::sign_out)),
        route("/admin/setup/{token}", g.clone(), Open, get(sign_in::setup_form)),
        route("/admin/setup/{token}", p.clone(), Open, post(sign_in::setup_submit)),
        route("/admin/account", g.clone(), Signed, get(sign_in::account)),
        route("/admin/account", p.clone(), Signed, post(sign_in::change_password)),
        route("/admin", g.clone(), Editor, get(dashboard::page)),
        route("/admin/services", g.clone(), Editor, get(records::services)),
        route("/admin/services/new", g.clone(), Editor, get(service::new_form)),
        route("/admin/services/new", p.clone(), Editor, post(service::create)),
        route("/admin/services/{id}", g.clone(), Editor, get(service::edit_form)),
        route("/admin/services/{id}", p.clone(), Editor, post(service::update)),
        route("/admin/services/{id}/retire", g.clone(), Editor, get(service::retire_form)),
        route("/admin/services/{id}/retire", p.clone(), Editor, post(service::retire)),
        route("/admin/services/{id}/restore", p.clone(), Editor, post(service::restore)),
        route("/admin/services/{id}/closures", g.clone(), Editor, get(service::closures_form)),
        route("/admin/services/{id}/closures", p.clone(), Editor, post(service::closures)),
        route("/admin/services/{id}/verify", g.clone(), Editor, get(service::verify_form)),
        route("/admin/services/{id}/verify", p.clone(), Editor, post(service::verify)),
        route("/admin/organizations", g.clone(), Editor, get(records::organizations)),
        route("/admin/organizations/new", g.clone(), Editor, get(records::new_organization)),
        route("/admin/organizations/new", p.clone(), Editor, post(records::create_organization)),
        route("/admin/organizations/{id}", g.clone(), Editor, get(records::edit_organization)),
        route("/admin/organizations/{id}", p.clone(), Editor, post(records::update_organization)),
        route("/admin/locations", g.clone(), Editor, get(records::locations)),
        route("/admin/locations/new", g.clone(), Editor, get(records::new_location)),
        route("/admin/locations/new", p.clone(), Editor, post(records::create_location)),
        route("/admin/locations/{id}", g.clone(), Editor, get(records::edit_location)),
        route("/admin/locations/{id}", p.clone(), Editor, post(records::update_location)),
        route("/admin/services/{id}/history", g.clone(), Editor, get(history::service_page)),
        route("/admin/services/{id}/revert", p.clone(), Editor, post(history::revert_service)),
        route("/admin/organizations/{id}/history", g.clone(), Editor, get(history::organization_page)),
        route("/admin/organizations/{id}/revert", p.clone(), Editor, post(history::revert_organization)),
        route("/admin/locations/{id}/history", g.clone(), Editor, get(history::location_page)),
        route("/admin/locations/{id}/revert", p.clone(), Editor, post(history::revert_location)),
        route("/admin/retired", g.clone(), Editor, get(records::retired)),
        route("/admin/queue", g.clone(), Editor, get(queue::page)),
        route("/admin/queue", p.clone(), Editor, post(queue::bulk)),
        route("/admin/queue/{id}", g.clone(), Editor, get(queue::show)),
        route("/admin/queue/{id}", p.clone(), Editor, post(queue::act)),
        route("/admin/queue/{id}/organization", g.clone(), Editor, get(queue::organization)),
        route("/admin/queue/{id}/organization", p.clone(), Editor, post(queue::create_organization)),
        route("/admin/links", g.clone(), Editor, get(links::page)),
        route("/admin/merges", g.clone(), Editor, get(merges::page)),
        route("/admin/merges", p.clone(), Editor, post(merges::act)),
        route("/admin/users", g.clone(), Admin, get(accounts::list)),
        route("/admin/users", p.clone(), Admin, post(accounts::add)),
        route("/admin/users/{id}", p.clone(), Admin, post(accounts::change)),
        route("/admin/audit", g.clone(), Admin, get(accounts::audit)),
        route("/admin/feeds", g, Admin, get(feeds::page)),
        route("/admin/feeds", p.clone(), Admin, post(feeds::add)),
        route("/admin/feeds/{name}", p, Admin, post(feeds::act)),
    ]
}

/// The routes of [`table`] as (path, method, access), for tests and documentation.
pub fn route_list() -> Vec<(&'static str, Method, Access)> {
    table().into_iter().map(|r| (r.path, r.method, r.access)).collect()
}

/// The editors' area, each route behind its guard.
pub fn routes(state: &AppState) -> Router<AppState> {
    let mut by_path: BTreeMap<&'static str, MethodRouter<AppState>> = BTreeMap::new();
    for r in table() {
        let guarded =
            r.handler.route_layer(axum::middleware::from_fn_with_state((state.clone(), r.access), guard::check));
        let merged = match by_path.remove(r.path) {
            Some(existing) => existing.merge(guarded),
            None => guarded,
        };
        by_path.insert(r.path, merged);
    }
    by_path.into_iter().fold(Router::new(), |router, (path, handler)| router.route(path, handler))
}

/// The editors' area's state, when the server has one.
fn admin(state: &AppState) -> Option<Arc<AdminState>> {
    state.admin.clone()
}
