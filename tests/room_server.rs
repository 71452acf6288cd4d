//! The room server as the window will use it, from the library: started when asked,
//! rate-limited per address, stopped by dropping its handle.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

mod room_support;

use std::net::{IpAddr, Ipv4Addr, TcpStream};
use std::sync::Arc;
use std::time::{Duration, Instant};

use rolesplit::room::{RateLimit, Room, RoomServer, ServeOptions};
use room_support::{agent, get, json, post, scenario};

fn room() -> Room {
    let s = scenario();
    let a = rolesplit::analyze(&s);
    Room::new(Arc::new(s), Arc::new(a))
}

fn local(rate: RateLimit) -> ServeOptions {
    ServeOptions {
        bind: IpAddr::V4(Ipv4Addr::LOCALHOST),
        rate,
        ..ServeOptions::default()
    }
}

#[test]
fn a_flood_from_one_address_gets_429_with_retry_after() {
    let server = RoomServer::start(
        room(),
        &local(RateLimit {
            burst: 5.0,
            per_second: 0.5,
        }),
    )
    .unwrap();
    let url = server.attendee_url(IpAddr::V4(Ipv4Addr::LOCALHOST));
    let a = agent();
    let statuses: Vec<u16> = (0..8)
        .map(|_| a.get(&url).call().unwrap().status().as_u16())
        .collect();
    assert_eq!(statuses, [200, 200, 200, 200, 200, 429, 429, 429]);
    let refused = a.get(&url).call().unwrap();
    assert_eq!(refused.headers().get("retry-after").unwrap(), "1");
    // Without the key it is still 403, never anything else.
    let base = url.split("/?k=").next().unwrap().to_string();
    assert_eq!(get(&a, &format!("{base}/api/state")).0, 403);
}

#[test]
fn the_facilitator_api_and_http_share_one_room() {
    let room = room();
    let server = RoomServer::start(room.clone(), &local(RateLimit::default())).unwrap();
    let host = IpAddr::V4(Ipv4Addr::LOCALHOST);
    let base = server
        .attendee_url(host)
        .split("/?k=")
        .next()
        .unwrap()
        .to_string();
    let key = server.attendee_key().as_str().to_string();
    room.open_round("shop", None).unwrap();
    let a = agent();
    let ballot = r#"{"attendee":"a","name":"Ann","placements":{"backlog":"Pm"}}"#;
    assert_eq!(
        post(&a, &format!("{base}/api/ballot?k={key}"), ballot).0,
        200
    );
    let round = room.round().unwrap();
    assert_eq!(
        round.ballots()["a"].name,
        "Ann",
        "the window sees who answered"
    );
    // An edit in the window shows on the phones at the next poll.
    let mut s = scenario();
    s.name = "After an edit".into();
    let analysis = rolesplit::analyze(&s);
    room.update_scenario(Arc::new(s), Arc::new(analysis));
    let (_, state) = get(&a, &format!("{base}/api/state?k={key}"));
    assert_eq!(json(&state)["scenario"], "After an edit");
}

#[test]
fn dropping_the_handle_stops_the_server_within_a_second() {
    let server = RoomServer::start(room(), &local(RateLimit::default())).unwrap();
    let address = server.local_addr();
    assert!(TcpStream::connect(address).is_ok(), "listening");
    let started = Instant::now();
    drop(server);
    let took = started.elapsed();
    assert!(took < Duration::from_secs(1), "took {took:?}");
    assert!(TcpStream::connect(address).is_err(), "the port is closed");
}
