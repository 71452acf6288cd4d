//! The room's HTTP server: a tiny_http listener and a fixed number of worker threads that
//! answer through [`super::routes`]. Started only when asked, stopped by dropping its
//! handle (or [`RoomServer::stop`]), which ends the workers within a second.

use std::net::{IpAddr, Ipv4Addr, SocketAddr, TcpListener};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::Duration;

use super::Room;
use super::keys::Key;
use super::rate::{Limiter, RateLimit};
use super::routes::{self, Context};

/// How long a worker waits for a request before it looks at the stop flag again.
const POLL: Duration = Duration::from_millis(100);

/// Where and how the room listens.
#[derive(Clone, Debug, PartialEq)]
pub struct ServeOptions {
    /// The address to listen on: `0.0.0.0` (every interface, so phones can reach it) by
    /// default; `127.0.0.1` for this machine only.
    pub bind: IpAddr,
    /// The port; 0 takes a free one.
    pub port: u16,
    /// How many threads answer requests.
    pub workers: usize,
    /// The per-address rate limit.
    pub rate: RateLimit,
}

impl Default for ServeOptions {
    fn default() -> Self {
        ServeOptions {
            bind: IpAddr::V4(Ipv4Addr::UNSPECIFIED),
            port: 0,
            workers: 4,
            rate: RateLimit::default(),
        }
    }
}

/// Why the server did not start.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    #[error("cannot listen on {address}: {source}")]
    Listen {
        address: SocketAddr,
        source: std::io::Error,
    },
    #[error("cannot make the session keys (no random source): {0}")]
    Keys(getrandom::Error),
    #[error("cannot start the server's threads: {0}")]
    Threads(std::io::Error),
}

/// A running room server. Dropping it stops it.
pub struct RoomServer {
    address: SocketAddr,
    attendee_key: Key,
    facilitator_key: Key,
    stop: Arc<AtomicBool>,
    workers: Vec<JoinHandle<()>>,
    /// Dropped last (after the workers have ended), which closes the listening socket.
    server: Option<Arc<tiny_http::Server>>,
}

impl RoomServer {
    /// Starts serving `room` with fresh keys.
    pub fn start(room: Room, options: &ServeOptions) -> Result<RoomServer, ServeError> {
        let attendee_key = Key::random().map_err(ServeError::Keys)?;
        let facilitator_key = Key::random().map_err(ServeError::Keys)?;
        let wanted = SocketAddr::new(options.bind, options.port);
        let listen_error = |source| ServeError::Listen {
            address: wanted,
            source,
        };
        let listener = TcpListener::bind(wanted).map_err(listen_error)?;
        let address = listener.local_addr().map_err(listen_error)?;
        let server = tiny_http::Server::from_listener(listener, None)
            .map_err(|e| listen_error(std::io::Error::other(e.to_string())))?;
        let server = Arc::new(server);
        let context = Arc::new(Context {
            room,
            attendee_key: attendee_key.clone(),
            facilitator_key: facilitator_key.clone(),
            limiter: Mutex::new(Limiter::new(options.rate)),
        });
        let stop = Arc::new(AtomicBool::new(false));
        let mut running = RoomServer {
            address,
            attendee_key,
            facilitator_key,
            stop: stop.clone(),
            workers: Vec::new(),
            server: Some(server.clone()),
        };
        for i in 0..options.workers.max(1) {
            let (server, context, stop) = (server.clone(), context.clone(), stop.clone());
            let worker = std::thread::Builder::new()
                .name(format!("room-worker-{i}"))
                .spawn(move || work(&server, &context, &stop))
                .map_err(ServeError::Threads)?;
            running.workers.push(worker);
        }
        Ok(running)
    }

    /// The address and port the server listens on.
    pub fn local_addr(&self) -> SocketAddr {
        self.address
    }

    /// The attendees' key.
    pub fn attendee_key(&self) -> &Key {
        &self.attendee_key
    }

    /// The facilitator's key.
    pub fn facilitator_key(&self) -> &Key {
        &self.facilitator_key
    }

    /// The attendees' page at `host` (see [`super::phone_address`]):
    /// `http://HOST:PORT/?k=KEY`.
    pub fn attendee_url(&self, host: IpAddr) -> String {
        self.url(host, &self.attendee_key)
    }

    /// The facilitator's page at `host`: `http://HOST:PORT/?k=FKEY`.
    pub fn facilitator_url(&self, host: IpAddr) -> String {
        self.url(host, &self.facilitator_key)
    }

    fn url(&self, host: IpAddr, key: &Key) -> String {
        let address = SocketAddr::new(host, self.address.port());
        format!("http://{address}/?k={}", key.as_str())
    }

    /// Stops serving: the workers end within a second and the port is closed.
    pub fn stop(self) {
        drop(self);
    }
}

impl Drop for RoomServer {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        for worker in self.workers.drain(..) {
            // A worker that panicked has nothing left to clean up.
            let _ = worker.join();
        }
        // The last reference: tiny_http stops accepting and closes the socket.
        self.server.take();
    }
}

/// One worker: answers requests until the stop flag is set.
fn work(server: &tiny_http::Server, context: &Context, stop: &AtomicBool) {
    while !stop.load(Ordering::Relaxed) {
        match server.recv_timeout(POLL) {
            Ok(Some(request)) => routes::answer(context, request),
            // Nothing came, or tiny_http reported a failed accept: look at the flag again.
            Ok(None) | Err(_) => {}
        }
    }
}
