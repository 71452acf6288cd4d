//! The room's HTTP server: one thread accepts connections into a bounded queue, a fixed
//! number of worker threads each serve one connection at a time with hyper (one request
//! per connection, within a deadline), answering through [`super::routes`]. No async
//! runtime: each connection's future runs to its end on its worker (`pollster`), over a
//! blocking socket. Started only when asked; dropping the handle (or
//! [`RoomServer::stop`]) stops it within a second.

use std::convert::Infallible;
use std::io::{Read, Write};
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, Shutdown, SocketAddr, TcpListener, TcpStream};
use std::pin::Pin;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};
use std::sync::{Arc, Mutex, PoisonError};
use std::task::{Context as TaskContext, Poll};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use hyper::server::conn::http1;
use hyper::service::service_fn;

use super::Room;
use super::keys::Key;
use super::rate::{Limiter, RateLimit};
use super::routes::{self, Context};

/// How long one connection may take, from its first byte to its answer: a phone sends a
/// request of a few hundred bytes in milliseconds; a client that trickles bytes to hold a
/// worker is cut off.
const CONNECTION_DEADLINE: Duration = Duration::from_secs(5);
/// Connections accepted but not yet taken by a worker; past it the accepting thread waits
/// (the operating system queues further connections), so memory stays bounded.
const QUEUE: usize = 64;
/// The largest request head hyper buffers (its minimum is 8 KiB).
const MAX_HEAD_BYTES: usize = 16 * 1024;
/// After answering, what is still coming (the rest of a refused body) is read and thrown
/// away, up to this much and this long, so that the client reads the answer instead of a
/// reset connection.
const LINGER_BYTES: usize = 1024 * 1024;
const LINGER_TIME: Duration = Duration::from_millis(500);
/// The longest a read waits before the connection's other work gets a turn.
const READ_SLICE: Duration = Duration::from_millis(1);
/// How long stopping waits for workers still answering.
const STOP_WAIT: Duration = Duration::from_millis(800);

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
    threads: Vec<JoinHandle<()>>,
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
        let context = Arc::new(Context {
            room,
            attendee_key: attendee_key.clone(),
            facilitator_key: facilitator_key.clone(),
            limiter: Mutex::new(Limiter::new(options.rate)),
        });
        let stop = Arc::new(AtomicBool::new(false));
        let (queue, taken) = sync_channel::<TcpStream>(QUEUE);
        let taken = Arc::new(Mutex::new(taken));
        let mut server = RoomServer {
            address,
            attendee_key,
            facilitator_key,
            stop: stop.clone(),
            threads: Vec::new(),
        };
        let spawn = |name: String, work: Box<dyn FnOnce() + Send>| {
            std::thread::Builder::new()
                .name(name)
                .spawn(work)
                .map_err(ServeError::Threads)
        };
        let accept_stop = stop.clone();
        let acceptor = spawn(
            "room-accept".into(),
            Box::new(move || accept(&listener, &queue, &accept_stop)),
        )?;
        server.threads.push(acceptor);
        for i in 0..options.workers.max(1) {
            let (taken, context, stop) = (taken.clone(), context.clone(), stop.clone());
            let worker = spawn(
                format!("room-worker-{i}"),
                Box::new(move || work(&taken, &context, &stop)),
            )?;
            server.threads.push(worker);
        }
        Ok(server)
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
        self.stop.store(true, Ordering::SeqCst);
        // Wake the accepting thread with a connection of our own; it sees the flag, closes
        // the port and drops the queue, which ends the idle workers.
        let wake = match self.address.ip() {
            IpAddr::V4(ip) if ip.is_unspecified() => IpAddr::V4(Ipv4Addr::LOCALHOST),
            IpAddr::V6(ip) if ip.is_unspecified() => IpAddr::V6(Ipv6Addr::LOCALHOST),
            ip => ip,
        };
        let _ = TcpStream::connect_timeout(
            &SocketAddr::new(wake, self.address.port()),
            Duration::from_millis(200),
        );
        // A worker still answering a slow client ends by its deadline; it is not waited
        // for past STOP_WAIT (it holds nothing the owner needs).
        let until = Instant::now() + STOP_WAIT;
        while Instant::now() < until && self.threads.iter().any(|t| !t.is_finished()) {
            std::thread::sleep(Duration::from_millis(5));
        }
        for thread in self.threads.drain(..) {
            if thread.is_finished() {
                let _ = thread.join();
            }
        }
    }
}

/// The accepting thread: hands connections to the workers until the stop flag is set.
fn accept(listener: &TcpListener, queue: &SyncSender<TcpStream>, stop: &AtomicBool) {
    for connection in listener.incoming() {
        if stop.load(Ordering::SeqCst) {
            return;
        }
        match connection {
            Ok(stream) => {
                if queue.send(stream).is_err() {
                    return;
                }
            }
            // Out of file descriptors, or a connection reset before it was accepted: wait
            // a moment and go on, never give up listening.
            Err(_) => std::thread::sleep(Duration::from_millis(10)),
        }
    }
}

/// A worker: serves one queued connection after another until the stop flag is set or the
/// queue is gone.
fn work(taken: &Mutex<Receiver<TcpStream>>, context: &Context, stop: &AtomicBool) {
    loop {
        let next = taken
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .recv_timeout(Duration::from_millis(100));
        if stop.load(Ordering::SeqCst) {
            return;
        }
        match next {
            Ok(stream) => serve(stream, context),
            Err(std::sync::mpsc::RecvTimeoutError::Timeout) => {}
            Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => return,
        }
    }
}

/// Serves one connection: one request, one answer, then a short linger.
fn serve(stream: TcpStream, context: &Context) {
    let peer = stream
        .peer_addr()
        .map_or(IpAddr::V4(Ipv4Addr::UNSPECIFIED), |a| a.ip());
    let Ok(linger) = stream.try_clone() else {
        return;
    };
    let io = Blocking {
        stream,
        deadline: Instant::now() + CONNECTION_DEADLINE,
    };
    let service = service_fn(|request| async move {
        Ok::<_, Infallible>(routes::answer(context, request, peer).await)
    });
    let connection = http1::Builder::new()
        .keep_alive(false)
        .max_buf_size(MAX_HEAD_BYTES)
        .serve_connection(io, service);
    // An error here is a client that sent no valid request or went away: hyper has
    // answered what could be answered.
    let _ = pollster::block_on(connection);
    drain(linger);
}

/// Reads and throws away what the client still sends (bounded), then closes.
fn drain(mut stream: TcpStream) {
    let _ = stream.shutdown(Shutdown::Write);
    let until = Instant::now() + LINGER_TIME;
    let mut buffer = [0u8; 16 * 1024];
    let mut read = 0usize;
    while read < LINGER_BYTES {
        let left = until.saturating_duration_since(Instant::now());
        if left.is_zero() || stream.set_read_timeout(Some(left)).is_err() {
            return;
        }
        match stream.read(&mut buffer) {
            Ok(0) | Err(_) => return,
            Ok(n) => read += n,
        }
    }
}

/// A blocking socket as hyper's IO: a write waits, at most until the connection's
/// deadline; a read waits a moment at a time (see `poll_read`). Blocking inside `poll_*`
/// is right here: nothing else runs on a worker's thread.
struct Blocking {
    stream: TcpStream,
    deadline: Instant,
}

impl Blocking {
    /// The time left, or a timed-out error past the deadline.
    fn time_left(&self) -> std::io::Result<Duration> {
        let left = self.deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return Err(std::io::ErrorKind::TimedOut.into());
        }
        Ok(left)
    }
}

impl hyper::rt::Read for Blocking {
    fn poll_read(
        self: Pin<&mut Self>,
        cx: &mut TaskContext<'_>,
        mut buf: hyper::rt::ReadBufCursor<'_>,
    ) -> Poll<std::io::Result<()>> {
        let this = self.get_mut();
        let left = match this.time_left() {
            Ok(left) => left,
            Err(e) => return Poll::Ready(Err(e)),
        };
        // hyper also reads while the answer is being made, to notice a client that hung
        // up; that read must not hold up the answer. So a read waits a moment only, and
        // when nothing came the connection's future is polled again at once (its other
        // work, such as writing the answer, goes on in between).
        if let Err(e) = this.stream.set_read_timeout(Some(left.min(READ_SLICE))) {
            return Poll::Ready(Err(e));
        }
        let mut chunk = [0u8; 8 * 1024];
        let room = buf.remaining().min(chunk.len());
        match this.stream.read(chunk.get_mut(..room).unwrap_or_default()) {
            Ok(n) => {
                buf.put_slice(chunk.get(..n).unwrap_or_default());
                Poll::Ready(Ok(()))
            }
            Err(e)
                if matches!(
                    e.kind(),
                    std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
                ) =>
            {
                cx.waker().wake_by_ref();
                Poll::Pending
            }
            Err(e) => Poll::Ready(Err(e)),
        }
    }
}

impl hyper::rt::Write for Blocking {
    fn poll_write(
        self: Pin<&mut Self>,
        _: &mut TaskContext<'_>,
        buf: &[u8],
    ) -> Poll<std::io::Result<usize>> {
        let this = self.get_mut();
        let result = this.time_left().and_then(|left| {
            this.stream.set_write_timeout(Some(left))?;
            this.stream.write(buf)
        });
        Poll::Ready(result)
    }

    fn poll_flush(self: Pin<&mut Self>, _: &mut TaskContext<'_>) -> Poll<std::io::Result<()>> {
        Poll::Ready(self.get_mut().stream.flush())
    }

    fn poll_shutdown(self: Pin<&mut Self>, _: &mut TaskContext<'_>) -> Poll<std::io::Result<()>> {
        Poll::Ready(self.get_mut().stream.shutdown(Shutdown::Write))
    }
}
