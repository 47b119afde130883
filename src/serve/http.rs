//! The HTTP routes: the site's files, the live-reload script and its event stream.
//!
//! Every request first passes the `Host` check. Files come only from the [`Site`] in
//! memory, looked up by [`site_path`]; no response carries an
//! `Access-Control-Allow-Origin` header.

use std::convert::Infallible;
use std::time::Duration;

use axum::Router;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use futures_util::stream::{self, Stream, StreamExt};
use tokio::sync::broadcast::error::RecvError;

use super::site::{BadPath, content_type, site_path};
use super::{Message, Server, Site};

const SCRIPT: &str = include_str!("live.js");

/// The page served when no build has succeeded yet: it carries the live-reload script,
/// so that the error shows over it and the first good build replaces it.
const NO_SITE_YET: &str = "<!doctype html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\"><title>No build yet</title></head>\n<body>\n<h1>No build yet</h1>\n<p>The site does not build yet: see the error below or in the terminal. This page reloads when the site builds.</p>\n";

pub fn router(server: Server) -> Router {
    Router::new()
        .route("/__dossier/live.js", get(script))
        .route("/__dossier/events", get(events))
        .fallback(file)
        .layer(middleware::from_fn_with_state(server.clone(), guard))
        .with_state(server)
}

/// Refuses requests meant for another host (DNS rebinding) and marks every response
/// as not to be cached or sniffed.
async fn guard(State(server): State<Server>, request: Request, next: Next) -> Response {
    let host = request
        .headers()
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .unwrap_or("");
    if !server.serves_host(host) {
        return text(
            StatusCode::FORBIDDEN,
            "this server answers only requests addressed to it (Host header)",
        );
    }
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    response
}

async fn script() -> Response {
    (
        [(header::CONTENT_TYPE, "text/javascript; charset=utf-8")],
        SCRIPT,
    )
        .into_response()
}

/// The reload channel. A request from a page of another origin is refused.
async fn events(State(server): State<Server>, headers: HeaderMap) -> Response {
    if let Some(origin) = headers.get(header::ORIGIN) {
        let host = origin
            .to_str()
            .ok()
            .and_then(|o| o.strip_prefix("http://"))
            .unwrap_or("");
        if !server.serves_host(host) {
            return text(
                StatusCode::FORBIDDEN,
                "the reload channel is for this site's pages",
            );
        }
    }
    Sse::new(messages(&server))
        .keep_alive(KeepAlive::new().interval(Duration::from_secs(15)))
        .into_response()
}

/// `hello` and the current error, if any, then every message until the server stops.
fn messages(server: &Server) -> impl Stream<Item = Result<Event, Infallible>> + use<> {
    // Subscribe before reading the state, so that nothing published between is lost.
    let receiver = server.shared.messages.subscribe();
    let stopping = server.shared.stopping.subscribe();
    let mut first = vec![Event::default().event("hello").data(server.hello())];
    if let Some(error) = server.shared.error.load_full() {
        first.push(failed(&error));
    }
    let rest = stream::unfold(
        (receiver, stopping),
        |(mut receiver, mut stopping)| async move {
            let message = tokio::select! {
                message = receiver.recv() => message,
                _ = stopping.wait_for(|stop| *stop) => return None,
            };
            let event = match message {
                Ok(Message::Reload(hello)) => Event::default().event("reload").data(hello),
                Ok(Message::Css(hello)) => Event::default().event("css").data(hello),
                Ok(Message::Failed(error)) => failed(&error),
                // Too slow to follow: a reload catches up with everything missed.
                Err(RecvError::Lagged(_)) => Event::default().event("reload").data(""),
                Err(RecvError::Closed) => return None,
            };
            Some((event, (receiver, stopping)))
        },
    );
    stream::iter(first).chain(rest).map(Ok)
}

/// The error as JSON (`{"text": ...}`), so that its lines travel as one event.
fn failed(error: &str) -> Event {
    let data = serde_json::json!({ "text": error }).to_string();
    Event::default().event("build-error").data(data)
}

/// A file of the site; a folder's `index.html`; a redirect from a folder's name
/// without its `/`; the site's 404 page.
async fn file(State(server): State<Server>, method: Method, request: Request) -> Response {
    if method != Method::GET && method != Method::HEAD {
        let mut response = text(StatusCode::METHOD_NOT_ALLOWED, "only GET and HEAD");
        response
            .headers_mut()
            .insert(header::ALLOW, HeaderValue::from_static("GET, HEAD"));
        return response;
    }
    let path = match site_path(request.uri().path()) {
        Ok(path) => path,
        Err(BadPath::Malformed) => return text(StatusCode::BAD_REQUEST, "malformed path"),
        Err(BadPath::Escapes) => {
            return text(StatusCode::BAD_REQUEST, "the path leaves the site");
        }
    };
    let site = server.site();
    if let Some(bytes) = site.get(&path) {
        return body(StatusCode::OK, content_type(&path), bytes.clone());
    }
    let folder = format!("{path}/index.html");
    if site.get(&folder).is_some() {
        // Built from the checked path, never from the raw one: `//host/x` must not
        // become a redirect to another host.
        let location = format!("/{path}/");
        return match HeaderValue::from_str(&location) {
            Ok(location) => (
                StatusCode::MOVED_PERMANENTLY,
                [(header::LOCATION, location)],
            )
                .into_response(),
            Err(_) => text(StatusCode::BAD_REQUEST, "malformed path"),
        };
    }
    not_found(&site)
}

fn not_found(site: &Site) -> Response {
    match site.get("404.html") {
        Some(page) => body(
            StatusCode::NOT_FOUND,
            content_type("404.html"),
            page.clone(),
        ),
        None if site.is_empty() => body(
            StatusCode::NOT_FOUND,
            content_type("404.html"),
            format!(
                "{NO_SITE_YET}{}\n</body>\n</html>\n",
                super::LIVE_RELOAD_TAG
            )
            .into(),
        ),
        None => text(StatusCode::NOT_FOUND, "not found"),
    }
}

fn body(status: StatusCode, content_type: &'static str, bytes: axum::body::Bytes) -> Response {
    (
        status,
        [(header::CONTENT_TYPE, content_type)],
        Body::from(bytes),
    )
        .into_response()
}

fn text(status: StatusCode, message: &'static str) -> Response {
    (
        status,
        [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
        message,
    )
        .into_response()
}
