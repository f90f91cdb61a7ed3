//! Records in parallel batches, results in input order.

use std::collections::BTreeMap;
use std::io::BufRead;
use std::ops::Range;

use rayon::prelude::*;

use factcheck::{Article, Error, Result};

use super::{article, next_line, record_line, BATCH, BATCH_BYTES, MAX_RECORD_BYTES};

/// Run `each` over every record of `input` in parallel batches and give
/// each result to `keep` in input order (the same run gives the same
/// order, whatever the threads do). Returns the number of bad lines.
///
/// The batches overlap: while the workers read one, this thread reads the
/// next lines and writes the results of the one before, and the next batch
/// starts while the last records of one are still being read — no core
/// waits at a batch's end for the longest article in it. At most two
/// batches are out at once, and a batch of [`BATCH_BYTES`] or more is
/// processed alone (held input stays within two batches, and a huge
/// record's articles never share the memory with another batch's). A line
/// that is no record is reported as it is read, so before the errors of
/// records in the batch before it; a read that fails first writes every
/// batch out.
pub fn in_order<T: Send>(
    source: &str,
    mut input: impl BufRead,
    each: impl Fn(&Article) -> Result<T> + Sync,
    mut keep: impl FnMut(T) -> Result<()>,
) -> Result<usize> {
    let mut reader = Batches {
        source,
        n: 0,
        buf: Vec::new(),
        errors: 0,
    };
    let (done, finished) = std::sync::mpsc::channel::<Done<T>>();
    let each = &each;
    let mut order = InOrder {
        finished,
        out: Default::default(),
        ready: Default::default(),
        spare: Vec::new(),
        written: 0,
        bad: 0,
    };
    rayon::in_place_scope(|scope| -> Result<()> {
        let mut failed = None;
        loop {
            // (room for one more batch: fewer than two out, and no big one)
            while !order.out.is_empty()
                && (failed.is_some() || order.out.len() >= 2 || order.held() >= BATCH_BYTES)
            {
                order.write_next(&mut keep)?;
            }
            if let Some(e) = failed {
                return Err(e);
            }
            let mut batch = order.spare.pop().unwrap_or_default();
            if let Err(e) = reader.next(&mut input, &mut batch) {
                // (the batches out are written before the error is told)
                failed = Some(e);
                continue;
            }
            if batch.records.is_empty() {
                break;
            }
            let bytes = batch.text.len();
            // a big batch is processed alone
            while bytes >= BATCH_BYTES && !order.out.is_empty() {
                order.write_next(&mut keep)?;
            }
            // (the batches out are the ones after those written)
            let (k, done) = (order.written + order.out.len(), done.clone());
            order.out.insert(k, bytes);
            scope.spawn(move |_| {
                // (a panic is sent on and raised by the thread that waits
                // for the batch, which would otherwise wait for ever)
                let results = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                    batch
                        .records
                        .par_iter()
                        .map(|(n, at)| each(&article(source, *n, &batch.text[at.clone()])?))
                        .collect()
                }));
                // (the receiver outlives the scope: a send cannot fail)
                let _ = done.send((k, batch, results));
            });
        }
        while !order.out.is_empty() {
            order.write_next(&mut keep)?;
        }
        Ok(())
    })?;
    Ok(order.bad + reader.errors)
}

/// The lines of a batch's records in one buffer, with each record's line
/// number and place in it. Buffers go back to the reading thread with the
/// results and are filled again: a string per record, made by that
/// thread and freed by a worker, had the allocator give its pages back to
/// the system and take them again, cleared, batch after batch — most of
/// the reading thread's time.
#[derive(Default)]
struct Batch {
    text: String,
    records: Vec<(usize, Range<usize>)>,
}

/// A batch's number, its buffer, and its results or the panic that ended
/// it.
type Done<T> = (usize, Batch, std::thread::Result<Vec<Result<T>>>);

/// The batches out and their results, written in input order.
struct InOrder<T> {
    finished: std::sync::mpsc::Receiver<Done<T>>,
    /// Batches out, by number (`written`, `written + 1`, …): their input
    /// bytes.
    out: BTreeMap<usize, usize>,
    /// Results come back in any order and wait here until every batch
    /// before theirs is written.
    ready: BTreeMap<usize, Vec<Result<T>>>,
    /// Buffers of batches done, to be filled again (at most two, none
    /// past twice a batch's bytes: a huge record's is let go).
    spare: Vec<Batch>,
    written: usize,
    /// Records that were no article, reported.
    bad: usize,
}

impl<T> InOrder<T> {
    /// Input bytes of the batches out.
    fn held(&self) -> usize {
        self.out.values().sum()
    }

    /// Wait for one batch to be done (some must be out), then write every
    /// batch that is next in order.
    fn write_next(&mut self, keep: &mut impl FnMut(T) -> Result<()>) -> Result<()> {
        // (this thread keeps a sender: a receive fails only if none were
        // out, which the caller rules out)
        let Ok((k, batch, results)) = self.finished.recv() else {
            return Ok(());
        };
        let results = results.unwrap_or_else(|p| std::panic::resume_unwind(p));
        if self.spare.len() < 2 && batch.text.capacity() <= 2 * BATCH_BYTES {
            self.spare.push(batch);
        }
        self.ready.insert(k, results);
        while let Some(results) = self.ready.remove(&self.written) {
            self.out.remove(&self.written);
            self.written += 1;
            for r in results {
                match r {
                    Ok(t) => keep(t)?,
                    Err(e) => {
                        self.bad += 1;
                        crate::say::error(&e);
                    }
                }
            }
        }
        Ok(())
    }
}

/// The records of a stream in batches of at most [`BATCH`] records and
/// about [`BATCH_BYTES`] bytes, with their line numbers; a line that is no
/// record is reported where it stands and counted.
struct Batches<'a> {
    source: &'a str,
    n: usize,
    buf: Vec<u8>,
    errors: usize,
}

impl Batches<'_> {
    /// The next batch into `batch` (emptied first; no records at the end).
    fn next(&mut self, input: &mut impl BufRead, batch: &mut Batch) -> Result<()> {
        batch.text.clear();
        batch.records.clear();
        while let Some(fits) = next_line(input, MAX_RECORD_BYTES, &mut self.buf)
            .map_err(|e| Error::io(self.source, e))?
        {
            self.n += 1;
            match record_line(fits, &self.buf) {
                Err(message) => {
                    self.errors += 1;
                    crate::say::error(&Error::at(self.source, self.n, 1, message));
                }
                Ok(line) if line.trim().is_empty() => {}
                Ok(line) => {
                    let start = batch.text.len();
                    batch.text.push_str(line);
                    batch.records.push((self.n, start..batch.text.len()));
                }
            }
            if batch.records.len() == BATCH || batch.text.len() >= BATCH_BYTES {
                break;
            }
        }
        Ok(())
    }
}
