//! One request in, one answer out: the key check, the rate limit, the body limit and the
//! endpoints of the HTTP contract (README, "The room").

use std::collections::BTreeMap;
use std::io::Read;
use std::net::{IpAddr, Ipv4Addr};
use std::sync::{Mutex, PoisonError};
use std::time::Instant;

use serde::Deserialize;
use tiny_http::{Header, Method, Request, Response};

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

/// Answers one request; errors writing the answer (a client that went away) are ignored.
pub(super) fn answer(context: &Context, mut request: Request) {
    let reply = respond(context, &mut request);
    let headers = [
        ("Content-Type", reply.content_type),
        ("Content-Security-Policy", CONTENT_SECURITY_POLICY),
        ("X-Content-Type-Options", "nosniff"),
        ("Referrer-Policy", "no-referrer"),
        ("Cache-Control", "no-store"),
        // Every answer ends its connection, so no idle connection holds a thread and a
        // stopped server leaves no client waiting.
        ("Connection", "close"),
    ];
    let mut response = Response::from_string(reply.body).with_status_code(reply.status);
    for (name, value) in headers {
        if let Ok(header) = Header::from_bytes(name.as_bytes(), value.as_bytes()) {
            response.add_header(header);
        }
    }
    if reply.status == 429
        && let Ok(header) = Header::from_bytes(&b"Retry-After"[..], &b"1"[..])
    {
        response.add_header(header);
    }
    let _ = request.respond(response);
}

fn respond(context: &Context, request: &mut Request) -> Answer {
    let (path, query) = request.url().split_once('?').unwrap_or((request.url(), ""));
    let path = path.to_string();
    let key = query
        .split('&')
        .find_map(|pair| pair.strip_prefix("k="))
        .unwrap_or("");
    // Both keys are always compared, so timing tells nothing about which one was close.
    let facilitator = context.facilitator_key.matches(key);
    let attendee = context.attendee_key.matches(key);
    let role = match (facilitator, attendee) {
        (true, _) => Role::Facilitator,
        (false, true) => Role::Attendee,
        (false, false) => return Answer::error(403, "this address needs the session key"),
    };
    let key = key.to_string();
    let from = request
        .remote_addr()
        .map_or(IpAddr::V4(Ipv4Addr::UNSPECIFIED), |a| a.ip());
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
    let get = matches!(request.method(), Method::Get | Method::Head);
    let post = *request.method() == Method::Post;
    match path.as_str() {
        "/" | "/app.js" | "/app.css" if !get => not_allowed("GET"),
        "/" => page(role, &key),
        "/app.js" => Answer::text("text/javascript; charset=utf-8", SCRIPT.to_string()),
        "/app.css" => Answer::text("text/css; charset=utf-8", STYLE.to_string()),
        "/api/state" if get => Answer::json(200, context.room.state_json()),
        "/api/state" => not_allowed("GET"),
        "/api/ballot" | "/api/dots" if !post => not_allowed("POST"),
        "/api/ballot" => with_body(request, |body| ballot(&context.room, body)),
        "/api/dots" => with_body(request, |body| dots(&context.room, body)),
        _ if facilitator_path(&path) => {
            if role != Role::Facilitator {
                return Answer::error(403, "this needs the facilitator's key");
            }
            facilitator_endpoint(&context.room, request, &path, get, post)
        }
        _ => Answer::error(404, "there is nothing at this address"),
    }
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

fn facilitator_endpoint(
    room: &Room,
    request: &mut Request,
    path: &str,
    get: bool,
    post: bool,
) -> Answer {
    match path {
        "/api/results" | "/api/products" if !get => not_allowed("GET"),
        "/api/results" => Answer::json(200, room.results_json()),
        "/api/products" => products(room),
        _ if !post => not_allowed("POST"),
        "/api/round" => with_body(request, |body| open_round(room, body)),
        "/api/round/close" => with_body(request, |_| done(room.close_round())),
        "/api/round/reveal" => with_body(request, |_| done(room.reveal_round())),
        "/api/vote" => with_body(request, |body| open_vote(room, body)),
        "/api/vote/close" => with_body(request, |_| done(room.close_vote())),
        "/api/show" => with_body(request, |body| show(room, body)),
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

/// Reads the body (at most 64 KB: 413 beyond, without reading more than one byte past the
/// limit) and hands it on.
fn with_body(request: &mut Request, then: impl FnOnce(&[u8]) -> Answer) -> Answer {
    let too_large = || Answer::error(413, "the request body is larger than 64 KB");
    if request.body_length().is_some_and(|n| n > MAX_BODY_BYTES) {
        return too_large();
    }
    let mut body = Vec::new();
    let limit = MAX_BODY_BYTES as u64 + 1;
    if request
        .as_reader()
        .take(limit)
        .read_to_end(&mut body)
        .is_err()
    {
        return Answer::error(400, "the request body could not be read");
    }
    if body.len() > MAX_BODY_BYTES {
        return too_large();
    }
    then(&body)
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
    done(room.submit_ballot(&b.attendee, &name, &b.placements))
}

#[derive(Deserialize)]
struct DotsBody {
    attendee: String,
    dots: BTreeMap<String, u64>,
}

fn dots(room: &Room, body: &[u8]) -> Answer {
    match parse::<DotsBody>(body) {
        Ok(d) => done(room.submit_dots(&d.attendee, &d.dots)),
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
