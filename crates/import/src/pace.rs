//! A long reading, paced: it stops now and then at a [`Pace`], which the page uses to paint
//! its progress and answer the user (a 200 000-line FEC is seconds of work in a browser); the
//! CLI never stops ([`Unpaced`], run by [`at_once`]). Nothing here reads a clock: the pace
//! decides whether a stop lasts.

use std::future::Future;
use std::pin::pin;
use std::task::{Context, Poll, Waker};

/// What a reading is doing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stage {
    /// Reading the files: `done` and `total` count their bytes.
    Reading,
    /// Making one dossier per customer: `done` and `total` count the customers.
    Sorting,
}

/// How far a reading has got.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Progress {
    pub stage: Stage,
    pub done: usize,
    pub total: usize,
}

impl Progress {
    /// `done` in thousandths of `total` (1 000 when there is nothing to do).
    pub fn per_mille(&self) -> usize {
        per_mille(self.done, self.total)
    }
}

/// `done` in thousandths of `total` (1 000 when there is nothing to do).
pub fn per_mille(done: usize, total: usize) -> usize {
    match total {
        0 => 1000,
        total => done.min(total).saturating_mul(1000) / total,
    }
}

/// Where a reading may stop for a while.
pub trait Pace {
    /// Called every few thousand lines or every hundred customers with how far the reading
    /// has got; the reading goes on when the future is ready.
    fn pause(&mut self, progress: Progress) -> impl Future<Output = ()>;
}

/// Never stops: the CLI's pace.
pub struct Unpaced;

impl Pace for Unpaced {
    fn pause(&mut self, _: Progress) -> impl Future<Output = ()> {
        std::future::ready(())
    }
}

/// The end of `reading`, which must never wait (paced by [`Unpaced`]): it is polled until
/// done, with no executor.
pub fn at_once<T>(reading: impl Future<Output = T>) -> T {
    let mut reading = pin!(reading);
    let mut cx = Context::from_waker(Waker::noop());
    loop {
        if let Poll::Ready(value) = reading.as_mut().poll(&mut cx) {
            return value;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousandths_never_pass_a_thousand() {
        let at = |done, total| {
            Progress {
                stage: Stage::Reading,
                done,
                total,
            }
            .per_mille()
        };
        assert_eq!(at(0, 200), 0);
        assert_eq!(at(50, 200), 250);
        assert_eq!(at(199, 200), 995);
        assert_eq!(at(250, 200), 1000);
        assert_eq!(at(0, 0), 1000);
    }

    #[test]
    fn a_reading_that_never_waits_ends_at_once() {
        let reading = async {
            let mut pace = Unpaced;
            let mut seen = 0;
            for done in 0..3 {
                pace.pause(Progress {
                    stage: Stage::Sorting,
                    done,
                    total: 3,
                })
                .await;
                seen += 1;
            }
            seen
        };
        assert_eq!(at_once(reading), 3);
    }
}
