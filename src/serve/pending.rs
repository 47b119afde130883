//! A build being finished, served before it is: each file is made when a request asks
//! for it, by the thread that the rebuild starts for that (see [`Requests::answer`]).
//!
//! Every file comes from the one build, so a page asked for now is the page that the
//! finished build will hold. This module does not know how files are made.

use std::collections::HashMap;
use std::sync::{Mutex, mpsc};

use axum::body::Bytes;
use tokio::sync::oneshot;

/// A build whose files are made on request while it is being finished.
pub struct Pending {
    requests: mpsc::Sender<Request>,
    /// The answers so far, by path: a page asked for again is not made again.
    made: Mutex<HashMap<String, Option<Bytes>>>,
}

enum Request {
    /// The file at a path, or `None` when the build has none there.
    File(String, oneshot::Sender<Option<Bytes>>),
    /// The build is finished, or failed: stop answering.
    Close,
}

/// The build stopped answering (it was finished or failed) before it answered: ask
/// the site served now.
#[derive(Debug)]
pub struct Gone;

/// The end of a [`Pending`] build that makes its files.
pub struct Requests(mpsc::Receiver<Request>);

impl Pending {
    /// A build to serve, and the end that makes its files.
    pub fn new() -> (Pending, Requests) {
        let (requests, receiver) = mpsc::channel();
        let pending = Pending {
            requests,
            made: Mutex::default(),
        };
        (pending, Requests(receiver))
    }

    /// The file at `path`, made on request, or `None` when the build has none there.
    pub async fn get(&self, path: &str) -> Result<Option<Bytes>, Gone> {
        let made = |made: &Mutex<HashMap<String, Option<Bytes>>>| {
            made.lock()
                .unwrap_or_else(|e| e.into_inner())
                .get(path)
                .cloned()
        };
        if let Some(file) = made(&self.made) {
            return Ok(file);
        }
        let (reply, answer) = oneshot::channel();
        self.requests
            .send(Request::File(path.to_string(), reply))
            .map_err(|_| Gone)?;
        let file = answer.await.map_err(|_| Gone)?;
        self.made
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(path.to_string(), file.clone());
        Ok(file)
    }

    /// Stops answering: a request not answered yet, and any later one, is [`Gone`].
    /// Call it once the finished build (or, if it failed, the last good one) is served.
    pub fn close(&self) {
        let _ = self.requests.send(Request::Close);
    }
}

impl Requests {
    /// Answers every request with `make` until [`Pending::close`]. A file that cannot
    /// be made gets no answer: its request waits until the build is closed, and then
    /// asks the site served, the last good one, since the build failed.
    pub fn answer(self, make: impl Fn(&str) -> anyhow::Result<Option<Bytes>>) {
        let mut failed = Vec::new();
        for request in self.0 {
            match request {
                Request::File(path, reply) => match make(&path) {
                    Ok(file) => {
                        let _ = reply.send(file);
                    }
                    Err(_) => failed.push(reply),
                },
                Request::Close => return,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicUsize, Ordering};

    use super::*;

    #[test]
    fn makes_each_file_once_and_leaves_a_failed_one_to_the_site_served_after() {
        let (pending, requests) = Pending::new();
        let asked = Arc::new(AtomicUsize::new(0));
        let counted = asked.clone();
        let maker = std::thread::spawn(move || {
            requests.answer(|path| {
                counted.fetch_add(1, Ordering::SeqCst);
                match path {
                    "page" => Ok(Some(Bytes::from_static(b"text"))),
                    "broken" => anyhow::bail!("does not render"),
                    _ => Ok(None),
                }
            })
        });
        let runtime = tokio::runtime::Builder::new_current_thread()
            .build()
            .expect("a runtime");
        runtime.block_on(async {
            let page = Some(Bytes::from_static(b"text"));
            assert_eq!(pending.get("page").await.ok(), Some(page.clone()));
            assert_eq!(pending.get("page").await.ok(), Some(page));
            assert_eq!(pending.get("nothing").await.ok(), Some(None));
            // The failed file is answered only by the close.
            let (broken, ()) = tokio::join!(pending.get("broken"), async {
                tokio::task::yield_now().await;
                pending.close();
            });
            assert!(broken.is_err());
            assert!(pending.get("later").await.is_err());
        });
        maker.join().expect("the maker stops");
        assert_eq!(asked.load(Ordering::SeqCst), 3);
    }
}
