//! The room's HTTP server: hyper on a small tokio runtime of its own. Each connection is a
//! task (one request, one answer, within a deadline), so a slow or idle client holds only
//! its own few kilobytes, never a thread others wait for; at most [`MAX_CONNECTIONS`] are
//! served at once (further ones wait in the operating system's queue), so memory stays
//! bounded. Started only when asked; dropping the handle (or [`RoomServer::stop`]) stops it
//! within a second.

use std::convert::Infallible;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::Duration;

use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper_util::rt::TokioIo;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{Semaphore, oneshot};

use super::Room;
use super::keys::Key;
use super::rate::{Limiter, RateLimit};
use super::routes::{self, Context};

/// How long one connection may take, from its first byte to its answer: a phone sends a
/// request of a few hundred bytes in milliseconds; a client that trickles bytes is cut off.
const CONNECTION_DEADLINE: Duration = Duration::from_secs(5);
/// Connections served at once, one file descriptor each; past it new ones wait to be
/// accepted. Well under the usual limit of 1,024 open files, which the window (its files,
/// its recovery copy) shares.
pub const MAX_CONNECTIONS: usize = 512;
/// The largest request head hyper buffers (its minimum is 8 KiB).
const MAX_HEAD_BYTES: usize = 16 * 1024;
/// After answering, what is still coming (the rest of a refused body) is read and thrown
/// away, up to this much and this long, so that the client reads the answer instead of a
/// reset connection.
const LINGER_BYTES: usize = 1024 * 1024;
const LINGER_TIME: Duration = Duration::from_millis(500);
/// How long stopping waits for connections still being answered.
const STOP_WAIT: Duration = Duration::from_millis(800);

/// Where and how the room listens.
#[derive(Clone, Debug, PartialEq)]
pub struct ServeOptions {
    /// The address to listen on: `0.0.0.0` (every interface, so phones can reach it) by
    /// default; `127.0.0.1` for this machine only.
    pub bind: IpAddr,
    /// The port; 0 takes a free one.
    pub port: u16,
    /// How many threads answer requests (each serves many connections).
    pub workers: usize,
    /// The per-address rate limit.
    pub rate: RateLimit,
}

impl Default for ServeOptions {
    fn default() -> Self {
        ServeOptions {
            bind: IpAddr::V4(Ipv4Addr::UNSPECIFIED),
            port: 0,
            workers: 2,
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
    /// Tells the server to stop; taken when it stops.
    stop: Option<oneshot::Sender<()>>,
    /// The thread that runs the server's runtime.
    thread: Option<JoinHandle<()>>,
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
        let listener = std::net::TcpListener::bind(wanted).map_err(listen_error)?;
        let address = listener.local_addr().map_err(listen_error)?;
        listener.set_nonblocking(true).map_err(listen_error)?;
        let context = Arc::new(Context {
            room,
            attendee_key: attendee_key.clone(),
            facilitator_key: facilitator_key.clone(),
            limiter: Mutex::new(Limiter::new(options.rate)),
        });
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(options.workers.max(1))
            .thread_name("room-worker")
            .enable_io()
            .enable_time()
            .build()
            .map_err(ServeError::Threads)?;
        let listener = {
            let _inside = runtime.enter();
            TcpListener::from_std(listener).map_err(listen_error)?
        };
        let (stop, stopped) = oneshot::channel();
        let thread = std::thread::Builder::new()
            .name("room-server".into())
            .spawn(move || {
                runtime.block_on(accept(listener, context, stopped));
                // Connections still being answered get a moment, then are dropped.
                runtime.shutdown_timeout(STOP_WAIT);
            })
            .map_err(ServeError::Threads)?;
        Ok(RoomServer {
            address,
            attendee_key,
            facilitator_key,
            stop: Some(stop),
            thread: Some(thread),
        })
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

    /// Stops serving: the port is closed and the threads end within a second.
    pub fn stop(self) {
        drop(self);
    }
}

impl Drop for RoomServer {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            // The server may have ended already (its runtime failed): nothing to tell then.
            let _ = stop.send(());
        }
        if let Some(thread) = self.thread.take() {
            // Ends within STOP_WAIT of the signal: the port closes at once.
            let _ = thread.join();
        }
    }
}

/// Accepts connections until told to stop, each answered on a task of its own, at most
/// [`MAX_CONNECTIONS`] at once.
async fn accept(listener: TcpListener, context: Arc<Context>, mut stop: oneshot::Receiver<()>) {
    let slots = Arc::new(Semaphore::new(MAX_CONNECTIONS));
    loop {
        let slot = tokio::select! {
            _ = &mut stop => return,
            slot = slots.clone().acquire_owned() => slot,
        };
        let Ok(slot) = slot else { return };
        let accepted = tokio::select! {
            _ = &mut stop => return,
            accepted = listener.accept() => accepted,
        };
        match accepted {
            Ok((stream, peer)) => {
                let context = context.clone();
                tokio::spawn(async move {
                    serve(stream, peer.ip(), context).await;
                    drop(slot);
                });
            }
            // Out of file descriptors, or a connection reset before it was accepted: wait
            // a moment and go on, never give up listening.
            Err(_) => tokio::time::sleep(Duration::from_millis(10)).await,
        }
    }
}

/// Serves one connection: one request, one answer, then a short linger.
async fn serve(stream: TcpStream, peer: IpAddr, context: Arc<Context>) {
    let service = service_fn(move |request| {
        let context = context.clone();
        async move { Ok::<_, Infallible>(routes::answer(&context, request, peer).await) }
    });
    let mut connection = http1::Builder::new()
        .keep_alive(false)
        .max_buf_size(MAX_HEAD_BYTES)
        .serve_connection(TokioIo::new(stream), service);
    // An error here is a client that sent no valid request or went away: hyper has
    // answered what could be answered. Past the deadline the client is cut off.
    if tokio::time::timeout(CONNECTION_DEADLINE, &mut connection)
        .await
        .is_ok()
    {
        // The socket back from hyper (one descriptor a connection, no copy of it).
        drain(connection.into_parts().io.into_inner()).await;
    }
}

/// Reads and throws away what the client still sends (bounded), then closes.
async fn drain(mut stream: TcpStream) {
    let _ = stream.shutdown().await;
    let mut buffer = [0u8; 16 * 1024];
    let mut read = 0usize;
    let _ = tokio::time::timeout(LINGER_TIME, async {
        while read < LINGER_BYTES {
            match stream.read(&mut buffer).await {
                Ok(0) | Err(_) => return,
                Ok(n) => read += n,
            }
        }
    })
    .await;
}
