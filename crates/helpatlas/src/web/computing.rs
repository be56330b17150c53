//! The threads admitted pages are made on. They run at a lower scheduling priority than the async
//! workers, which answer every kept page and every country's crisis information: under a flood of
//! distinct searches the cores go to those first, and the searches get what is left (and are shed
//! by admission when their queue is full). On a machine with as many computing threads as cores,
//! equal priority would let the flood take every core from the visitors the page cache already
//! serves.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::mpsc::{channel, Receiver, Sender};
use std::sync::{Arc, Mutex};

/// How much lower: nice 10 has about a tenth of the CPU weight of nice 0 when both want a core,
/// and takes all of it when nothing else runs.
const NICENESS: i32 = 10;

/// The lowest priority there is.
#[cfg(target_os = "linux")]
const MAX_NICE: i32 = 19;

type Job = Box<dyn FnOnce() + Send>;

/// A fixed set of threads taking jobs from one queue. The threads end when the set is dropped.
pub struct ComputingThreads {
    jobs: Mutex<Sender<Job>>,
}

impl ComputingThreads {
    pub fn start(count: usize) -> ComputingThreads {
        let (jobs, queue) = channel::<Job>();
        let queue = Arc::new(Mutex::new(queue));
        for n in 0..count.max(1) {
            let queue = Arc::clone(&queue);
            let started = std::thread::Builder::new().name(format!("computing-{n}")).spawn(move || work(&queue));
            if let Err(e) = started {
                tracing::error!("cannot start a computing thread: {e}");
            }
        }
        ComputingThreads { jobs: Mutex::new(jobs) }
    }

    /// Runs `job` on one of the threads, in turn, and gives back its result; `None` if it panicked (the
    /// thread goes on), no thread could be started, or the caller stopped waiting before the job's
    /// turn came (it is then dropped unrun). A job that has started runs to its end even if the caller
    /// stops waiting, so that whatever it holds (an admission ticket) is released only then.
    pub async fn run<T: Send + 'static>(&self, job: impl FnOnce() -> T + Send + 'static) -> Option<T> {
        let (answer, answered) = tokio::sync::oneshot::channel();
        let job: Job = Box::new(move || {
            if answer.is_closed() {
                return;
            }
            let _ = answer.send(job());
        });
        self.jobs.lock().ok()?.send(job).ok()?;
        answered.await.ok()
    }
}

fn work(queue: &Mutex<Receiver<Job>>) {
    lower_priority();
    loop {
        // The lock is held only while waiting for the next job, never while running one.
        let next = match queue.lock() {
            Ok(queue) => queue.recv(),
            Err(_) => return,
        };
        let Ok(job) = next else { return };
        // A panic has already been logged by the hook; the caller sees a dropped answer.
        let _ = catch_unwind(AssertUnwindSafe(job));
    }
}

#[cfg(target_os = "linux")]
fn lower_priority() {
    // On Linux the nice value is a thread's own: this lowers only the calling thread, relative to
    // the process's (a server already started with `nice` goes lower still).
    let me = Some(rustix::thread::gettid());
    let now = rustix::process::getpriority_process(me).unwrap_or(0);
    if let Err(e) = rustix::process::setpriority_process(me, (now + NICENESS).min(MAX_NICE)) {
        tracing::warn!("computing threads run at normal priority: cannot lower it ({e})");
    }
}

#[cfg(not(target_os = "linux"))]
fn lower_priority() {}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn jobs_run_on_lowered_threads_and_a_panic_spares_the_thread() {
        let threads = ComputingThreads::start(1);
        let name = threads.run(|| std::thread::current().name().map(str::to_string)).await;
        assert_eq!(name.flatten().as_deref(), Some("computing-0"));
        #[cfg(target_os = "linux")]
        {
            let nice_of_this_thread = || rustix::process::getpriority_process(Some(rustix::thread::gettid())).ok();
            let mine = nice_of_this_thread().expect("own priority");
            let theirs = threads.run(nice_of_this_thread).await.flatten();
            assert_eq!(theirs, Some((mine + NICENESS).min(MAX_NICE)));
        }
        assert_eq!(threads.run(|| -> u8 { panic!("a job fails") }).await, None);
        assert_eq!(threads.run(|| 7).await, Some(7), "the one thread still takes jobs");
    }
}
