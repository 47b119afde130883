//! The HTTP routes: the site's files, the live-reload script and its WebSocket.
//!
//! Every request first passes the `Host` check. Files come only from the build in
//! memory ([`Server::file`]), looked up by [`site_path`]; no response carries an
//! `Access-Control-Allow-Origin` header.

use axum::Router;
use axum::body::Body;
use axum::extract::ws::rejection::WebSocketUpgradeRejection;
use axum::extract::ws::{Message as WsMessage, WebSocket, WebSocketUpgrade};
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use percent_encoding::{AsciiSet, CONTROLS, utf8_percent_encode};
use serde_json::json;
use tokio::sync::broadcast::error::RecvError;

use super::site::{BadPath, content_type, site_path};
use super::{Message, Server};

const SCRIPT: &str = include_str!("live.js");

/// What a path in a `Location` header must percent-encode.
const PATH: &AsciiSet = &CONTROLS
    .add(b' ')
    .add(b'"')
    .add(b'#')
    .add(b'%')
    .add(b'<')
    .add(b'>')
    .add(b'?')
    .add(b'`')
    .add(b'{')
    .add(b'}');

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

/// The reload channel, a WebSocket. A browser sends the `Origin` of the page that opens
/// it: a page of another site is refused, since no same-origin rule protects sockets.
async fn events(
    State(server): State<Server>,
    headers: HeaderMap,
    upgrade: Result<WebSocketUpgrade, WebSocketUpgradeRejection>,
) -> Response {
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
    match upgrade {
        Ok(upgrade) => upgrade.on_upgrade(move |socket| channel(socket, server)),
        Err(rejection) => rejection.into_response(),
    }
}

/// Sends `hello` and the current error (or else the problems of the site served), if
/// any, then every message until the page
/// goes away or the server stops. Each message is a JSON object with a `type`.
async fn channel(mut socket: WebSocket, server: Server) {
    // Subscribe before reading the state, so that nothing published between is lost.
    let mut receiver = server.shared.messages.subscribe();
    let mut stopping = server.shared.stopping.subscribe();
    let mut first = vec![json!({ "type": "hello", "build": server.hello() })];
    if let Some(error) = server.shared.error.load_full() {
        first.push(server.error_message(&error));
    } else if let Some(problems) = server.shared.problems.load_full() {
        first.push(server.problems_message(&problems));
    }
    for message in first {
        if socket.send(frame(&message)).await.is_err() {
            return;
        }
    }
    loop {
        let message = tokio::select! {
            message = receiver.recv() => message,
            incoming = socket.recv() => match incoming {
                // The page says nothing that matters; it only goes away.
                Some(Ok(_)) => continue,
                _ => return,
            },
            _ = stopping.wait_for(|stop| *stop) => break,
        };
        let message = match message {
            Ok(Message::Reload(build)) => json!({ "type": "reload", "build": build }),
            Ok(Message::Css(build)) => json!({ "type": "css", "build": build }),
            Ok(Message::Failed(error)) => server.error_message(&error),
            Ok(Message::Problems(problems)) => server.problems_message(&problems),
            // Too slow to follow: a reload catches up with everything missed.
            Err(RecvError::Lagged(_)) => json!({ "type": "reload", "build": server.hello() }),
            Err(RecvError::Closed) => return,
        };
        if socket.send(frame(&message)).await.is_err() {
            return;
        }
    }
    // The server stops.
    let _ = socket.send(WsMessage::Close(None)).await;
}

fn frame(message: &serde_json::Value) -> WsMessage {
    WsMessage::Text(message.to_string().into())
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
    if let Some(bytes) = server.file(&path).await {
        return body(StatusCode::OK, content_type(&path), bytes);
    }
    let folder = format!("{path}/index.html");
    if server.file(&folder).await.is_some() {
        // Built from the checked path, never from the raw one: `//host/x` must not
        // become a redirect to another host.
        let location = format!("/{}/", utf8_percent_encode(&path, PATH));
        return match HeaderValue::from_str(&location) {
            Ok(location) => (
                StatusCode::MOVED_PERMANENTLY,
                [(header::LOCATION, location)],
            )
                .into_response(),
            Err(_) => text(StatusCode::BAD_REQUEST, "malformed path"),
        };
    }
    not_found(&server).await
}

async fn not_found(server: &Server) -> Response {
    match server.file("404.html").await {
        Some(page) => body(StatusCode::NOT_FOUND, content_type("404.html"), page),
        None if !server.has_site() => body(
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
