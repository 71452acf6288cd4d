//! One request in, one answer out: the key check, the rate limit, the body limit and the
//! endpoints of the HTTP contract (README, "The room").

use std::collections::BTreeMap;
use std::net::IpAddr;
use std::sync::{Mutex, PoisonError};
use std::time::Instant;

use bytes::Bytes;
use http_body_util::{BodyExt, Full};
use hyper::body::Incoming;
use hyper::header::{CONTENT_LENGTH, HeaderValue};
use hyper::{Method, Request, Response, StatusCode};
use serde::Deserialize;

use super::keys::Key;
use super::rate::Limiter;
use super::{Room, RoomError};

/// The largest request body taken: 64 KB.
pub const MAX_BODY_BYTES: usize = 65_536;

/// Only the page's own origin, and no inline script or style: scenario and attendee texts
/// can never run as code, even if one slipped into the page as markup.
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'none'; script-src 'self'; \
     style-src 'self'; img-src 'self'; connect-src 'self'; base-uri 'none'; \
     form-action 'none'; frame-ancestors 'none'";

const PAGE: &str = include_str!("page/index.html");
const SCRIPT: &str = include_str!("page/app.js");
const STYLE: &str = include_str!("page/app.css");

/// What every worker shares.
pub(super) struct Context {
    pub room: Room,
    pub attendee_key: Key,
    pub facilitator_key: Key,
    pub limiter: Mutex<Limiter>,
}

/// Who sent a request, by its key.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Role {
    Attendee,
    Facilitator,
}

/// An answer before it is written.
struct Answer {
    status: u16,
    content_type: &'static str,
    body: String,
}

impl Answer {
    fn json(status: u16, body: String) -> Answer {
        Answer {
            status,
            content_type: "application/json; charset=utf-8",
            body,
        }
    }

    fn error(status: u16, reason: &str) -> Answer {
        let body = serde_json::json!({ "error": reason }).to_string();
        Answer::json(status, body)
    }

    fn ok() -> Answer {
        Answer::json(200, r#"{"ok":true}"#.to_string())
    }

    fn id(id: &str) -> Answer {
        Answer::json(200, serde_json::json!({ "id": id }).to_string())
    }

    fn refused(e: &RoomError) -> Answer {
        Answer::error(400, &e.to_string())
    }

    fn text(content_type: &'static str, body: String) -> Answer {
        Answer {
            status: 200,
            content_type,
            body,
        }
    }
}

/// Answers one request.
pub(super) async fn answer(
    context: &Context,
    request: Request<Incoming>,
    from: IpAddr,
) -> Response<Full<Bytes>> {
    let reply = respond(context, request, from).await;
    let mut response = Response::new(Full::new(Bytes::from(reply.body)));
    *response.status_mut() =
        StatusCode::from_u16(reply.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let headers = [
        ("content-type", reply.content_type),
        ("content-security-policy", CONTENT_SECURITY_POLICY),
        ("x-content-type-options", "nosniff"),
        ("referrer-policy", "no-referrer"),
        ("cache-control", "no-store"),
        // One request per connection: no idle connection holds a worker.
        ("connection", "close"),
    ];
    for (name, value) in headers {
        response
            .headers_mut()
            .insert(name, HeaderValue::from_static(value));
    }
    if reply.status == 429 {
        response
            .headers_mut()
            .insert("retry-after", HeaderValue::from_static("1"));
    }
    response
}

async fn respond(context: &Context, request: Request<Incoming>, from: IpAddr) -> Answer {
    let query = request.uri().query().unwrap_or("");
    let key = query_param(query, "k").to_string();
    // Both keys are always compared, so timing tells nothing about which one was close.
    let facilitator = context.facilitator_key.matches(&key);
    let attendee = context.attendee_key.matches(&key);
    let role = match (facilitator, attendee) {
        (true, _) => Role::Facilitator,
        (false, true) => Role::Attendee,
        (false, false) => return Answer::error(403, "this address needs the session key"),
    };
    let allowed = context
        .limiter
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .allow(from, Instant::now());
    if !allowed {
        return Answer::error(
            429,
            "too many requests from this address; try again in a second",
        );
    }
    let get = matches!(*request.method(), Method::GET | Method::HEAD);
    let post = *request.method() == Method::POST;
    let path = request.uri().path().to_string();
    let room = &context.room;
    match path.as_str() {
        "/" | "/app.js" | "/app.css" if !get => not_allowed("GET"),
        "/" => page(role, &key),
        "/app.js" => Answer::text("text/javascript; charset=utf-8", SCRIPT.to_string()),
        "/app.css" => Answer::text("text/css; charset=utf-8", STYLE.to_string()),
        "/api/state" if get => {
            // The page names its attendee (`a`), so the window can count who is connected.
            if role == Role::Attendee {
                room.seen(query_param(query, "a"), Instant::now());
            }
            Answer::json(200, room.state_json())
        }
        "/api/state" => not_allowed("GET"),
        "/api/ballot" | "/api/dots" if !post => not_allowed("POST"),
        "/api/ballot" => match body(request).await {
            Ok(body) => ballot(room, &body),
            Err(answer) => answer,
        },
        "/api/dots" => match body(request).await {
            Ok(body) => dots(room, &body),
            Err(answer) => answer,
        },
        _ if facilitator_path(&path) => {
            if role != Role::Facilitator {
                return Answer::error(403, "this needs the facilitator's key");
            }
            facilitator_endpoint(room, request, &path, get, post).await
        }
        _ => Answer::error(404, "there is nothing at this address"),
    }
}

/// A query parameter's value as sent ("" when missing). Keys and attendee ids are hex
/// digits, which need no decoding.
fn query_param<'a>(query: &'a str, name: &str) -> &'a str {
    query
        .split('&')
        .find_map(|pair| pair.strip_prefix(name)?.strip_prefix('='))
        .unwrap_or("")
}

fn facilitator_path(path: &str) -> bool {
    matches!(
        path,
        "/api/round"
            | "/api/round/close"
            | "/api/round/reveal"
            | "/api/vote"
            | "/api/vote/close"
            | "/api/show"
            | "/api/results"
            | "/api/products"
    )
}

async fn facilitator_endpoint(
    room: &Room,
    request: Request<Incoming>,
    path: &str,
    get: bool,
    post: bool,
) -> Answer {
    match path {
        "/api/results" | "/api/products" if !get => return not_allowed("GET"),
        "/api/results" => return Answer::json(200, room.results_json()),
        "/api/products" => return products(room),
        _ if !post => return not_allowed("POST"),
        _ => {}
    }
    let body = match body(request).await {
        Ok(body) => body,
        Err(answer) => return answer,
    };
    match path {
        "/api/round" => open_round(room, &body),
        "/api/round/close" => done(room.close_round()),
        "/api/round/reveal" => done(room.reveal_round()),
        "/api/vote" => open_vote(room, &body),
        "/api/vote/close" => done(room.close_vote()),
        "/api/show" => show(room, &body),
        _ => Answer::error(404, "there is nothing at this address"),
    }
}

fn not_allowed(method: &str) -> Answer {
    Answer::error(405, &format!("use {method} here"))
}

/// The attendees' page, with the key it was opened with carried into its script and
/// style addresses. The key was checked to be one of the two, so it is hex digits only.
fn page(role: Role, key: &str) -> Answer {
    let role = match role {
        Role::Attendee => "attendee",
        Role::Facilitator => "facilitator",
    };
    let html = PAGE.replace("{{KEY}}", key).replace("{{ROLE}}", role);
    Answer::text("text/html; charset=utf-8", html)
}

/// Reads the body: at most 64 KB are kept (beyond them, the piece being read, itself at
/// most hyper's 16 KiB buffer, is the last one taken in); a larger body is 413. A body declared too large is refused before a byte of it is read
/// (so a client waiting for `100 Continue` is told at once); what the client still sends
/// is read and thrown away after the answer, bounded, by the server.
async fn body(request: Request<Incoming>) -> Result<Vec<u8>, Answer> {
    let too_large = || Answer::error(413, "the request body is larger than 64 KB");
    let declared = request
        .headers()
        .get(CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<u64>().ok());
    if declared.is_some_and(|n| n > MAX_BODY_BYTES as u64) {
        return Err(too_large());
    }
    let mut incoming = request.into_body();
    let mut kept: Vec<u8> = Vec::new();
    while let Some(frame) = incoming.frame().await {
        let Ok(frame) = frame else {
            return Err(Answer::error(400, "the request body could not be read"));
        };
        if let Ok(data) = frame.into_data() {
            if kept.len() + data.len() > MAX_BODY_BYTES {
                return Err(too_large());
            }
            kept.extend_from_slice(&data);
        }
    }
    Ok(kept)
}

/// Parses a JSON body, or answers 400 saying what is wrong with it.
fn parse<'a, T: Deserialize<'a>>(body: &'a [u8]) -> Result<T, Answer> {
    serde_json::from_slice(body).map_err(|e| {
        Answer::error(
            400,
            &format!("the body is not what this address takes: {e}"),
        )
    })
}

fn done(result: Result<(), RoomError>) -> Answer {
    match result {
        Ok(()) => Answer::ok(),
        Err(e) => Answer::refused(&e),
    }
}

#[derive(Deserialize)]
struct BallotBody {
    attendee: String,
    #[serde(default)]
    name: Option<String>,
    placements: BTreeMap<String, String>,
}

fn ballot(room: &Room, body: &[u8]) -> Answer {
    let b: BallotBody = match parse(body) {
        Ok(b) => b,
        Err(answer) => return answer,
    };
    let name = b.name.unwrap_or_default();
    room.seen(&b.attendee, Instant::now());
    done(room.submit_ballot(&b.attendee, &name, &b.placements))
}

#[derive(Deserialize)]
struct DotsBody {
    attendee: String,
    dots: BTreeMap<String, u64>,
}

fn dots(room: &Room, body: &[u8]) -> Answer {
    match parse::<DotsBody>(body) {
        Ok(d) => {
            room.seen(&d.attendee, Instant::now());
            done(room.submit_dots(&d.attendee, &d.dots))
        }
        Err(answer) => answer,
    }
}

#[derive(Deserialize)]
struct RoundBody {
    product: String,
    #[serde(default)]
    cards: Option<Vec<String>>,
}

fn open_round(room: &Room, body: &[u8]) -> Answer {
    match parse::<RoundBody>(body) {
        Ok(r) => match room.open_round(&r.product, r.cards.as_deref()) {
            Ok(id) => Answer::id(&id),
            Err(e) => Answer::refused(&e),
        },
        Err(answer) => answer,
    }
}

#[derive(Deserialize)]
struct VoteBody {
    options: Vec<String>,
    #[serde(default)]
    dots: Option<u32>,
}

fn open_vote(room: &Room, body: &[u8]) -> Answer {
    match parse::<VoteBody>(body) {
        Ok(v) => match room.open_vote(v.options, v.dots) {
            Ok(id) => Answer::id(&id),
            Err(e) => Answer::refused(&e),
        },
        Err(answer) => answer,
    }
}

#[derive(Deserialize)]
struct ShowBody {
    product: String,
}

fn show(room: &Room, body: &[u8]) -> Answer {
    match parse::<ShowBody>(body) {
        Ok(s) => done(room.show(&s.product)),
        Err(answer) => answer,
    }
}

/// `GET /api/products` (facilitator): `{"products": [{"id", "name"}]}`, for the
/// facilitator's picker on the page.
fn products(room: &Room) -> Answer {
    let list: Vec<serde_json::Value> = room
        .products()
        .into_iter()
        .map(|(id, name)| serde_json::json!({ "id": id, "name": name }))
        .collect();
    Answer::json(200, serde_json::json!({ "products": list }).to_string())
}
