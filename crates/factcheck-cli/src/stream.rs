//! JSON Lines in, JSON Lines out: `{"id": …, "text": …, "date": …}` per
//! line (other fields ignored), one result line per article in input
//! order. Records are processed in parallel batches of at most 512
//! records and 16 MB, two at a time, so memory stays bounded by the
//! batches, not the corpus; a bad line is reported with its
//! line number and the run goes on. This is how factcheck runs as a mapper
//! under Hadoop Streaming, Spark's `pipe` or GNU parallel.

use std::io::{BufRead, Write};

use chrono::NaiveDate;
use serde::Deserialize;

mod batch;
pub use batch::in_order;

use factcheck::model::ArticleReport;
use factcheck::{Article, Checker, Error, Result};

#[derive(Deserialize)]
struct Record {
    #[serde(default)]
    id: Option<serde_json::Value>,
    text: String,
    #[serde(default)]
    date: Option<String>,
}

/// Records per parallel batch: enough to keep both cores busy, small enough
/// that memory does not grow with the input.
const BATCH: usize = 512;

/// Bytes of records per batch at most (a batch holds at least one): 512
/// dense records of megabytes each must not all be in memory at once.
const BATCH_BYTES: usize = 16 << 20;

/// Bytes of one record at most: an article's limit. A longer line is read
/// through to its end and reported, never held whole.
const MAX_RECORD_BYTES: usize = factcheck::MAX_ARTICLE_BYTES as usize;
/// The longest record `id` (bytes): ids are names, and a report repeats
/// the id of a record with each of its findings.
pub const MAX_ID_BYTES: usize = 1024;

/// The next line of `input` into `buf` (without its line ending): `None` at
/// the end, `Some(false)` when it was longer than `limit` (then `buf` is
/// empty), else `Some(true)`.
fn next_line(
    input: &mut impl BufRead,
    limit: usize,
    buf: &mut Vec<u8>,
) -> std::io::Result<Option<bool>> {
    buf.clear();
    let mut any = false;
    let mut over = false;
    loop {
        let chunk = input.fill_buf()?;
        if chunk.is_empty() {
            return Ok(any.then_some(!over));
        }
        any = true;
        let end = memchr::memchr(b'\n', chunk);
        let part = &chunk[..end.unwrap_or(chunk.len())];
        if !over {
            if buf.len() + part.len() > limit {
                over = true;
                *buf = Vec::new();
            } else {
                buf.extend_from_slice(part);
            }
        }
        let used = end.map_or(chunk.len(), |i| i + 1);
        input.consume(used);
        if end.is_some() {
            if buf.last() == Some(&b'\r') {
                buf.pop();
            }
            return Ok(Some(!over));
        }
    }
}

/// Whether a letter follows the first hyphen of `s`: no ISO date then.
fn month_in_letters(s: &str) -> bool {
    s.split_once('-')
        .is_some_and(|(_, rest)| rest.starts_with(|c: char| c.is_ascii_alphabetic()))
}

/// ISO dates and datetimes, US `4/5/2017`, `19-OCT-1987 09:46:29.71`,
/// `5 April 2017`, `April 5, 2017`.
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    let head = s.get(..10).unwrap_or(s);
    // (a month in letters after the first hyphen, "19-OCT-1987" in wire
    // copy, is no ISO date: chrono is not asked)
    if !month_in_letters(s) {
        if let Ok(d) = NaiveDate::parse_from_str(head, "%Y-%m-%d") {
            return Some(d);
        }
    }
    let first = s.split_whitespace().next().unwrap_or(s);
    // (a format is tried only on a word holding its separator: a parse
    // that cannot succeed costs as much as one that does)
    ["%m/%d/%Y", "%d-%b-%Y", "%Y/%m/%d", "%d.%m.%Y"]
        .iter()
        .filter(|f| first.contains(&f[2..3]))
        .find_map(|f| NaiveDate::parse_from_str(first, f).ok())
        .or_else(|| {
            ["%d %B %Y", "%B %d, %Y", "%d %b %Y", "%b %d, %Y"]
                .iter()
                .find_map(|f| NaiveDate::parse_from_str(s, f).ok())
        })
}

fn article(source: &str, line_no: usize, line: &str) -> Result<Article> {
    let at = |column: usize, message: String| Error::at(source, line_no, column, message);
    // (a file saved with a byte-order mark starts with one)
    let line = if line_no == 1 {
        line.strip_prefix('\u{feff}').unwrap_or(line)
    } else {
        line
    };
    let record: Record = serde_json::from_str(line)
        .map_err(|e| at(e.column().max(1), format!("not an article record: {e}")))?;
    // records come from many systems: read the date formats they use; a
    // date none of them reads leaves the article undated (its facts' latest
    // series entries apply) rather than losing the record
    let date = record.date.as_deref().and_then(parse_date);
    let id = match record.id {
        Some(serde_json::Value::String(s)) => Some(s),
        Some(serde_json::Value::Null) | None => None,
        Some(other) => Some(other.to_string()),
    };
    // an id names a record in reports, once per finding: a huge one would
    // be copied into every finding of it
    if let Some(id) = id.as_ref().filter(|id| id.len() > MAX_ID_BYTES) {
        let column = line
            .find("\"id\"")
            .map_or(1, |i| line[..i].chars().count() + 1);
        return Err(at(
            column,
            format!(
                "the record's `id` is {} bytes long; at most {MAX_ID_BYTES} are allowed",
                id.len()
            ),
        ));
    }
    let path = id.clone().unwrap_or_else(|| format!("{source}:{line_no}"));
    let mut a = Article::from_text(&path, record.text, date)?;
    a.id = id;
    Ok(a)
}

/// A line as `next_line` read it (`fits`: within the record limit), or
/// what is wrong with it.
fn record_line(fits: bool, buf: &[u8]) -> std::result::Result<&str, String> {
    match (fits, std::str::from_utf8(buf)) {
        (false, _) => Err(format!(
            "a record longer than {} MB, the limit for an article",
            MAX_RECORD_BYTES >> 20
        )),
        (true, Err(e)) => Err(format!("not UTF-8 after byte {}", e.valid_up_to())),
        (true, Ok(s)) => Ok(s),
    }
}

/// Run `each` over every record of `input`, writing one JSON line per
/// record to `out` in input order. Returns the number of bad lines (each
/// already reported on standard error).
pub fn run<T: serde::Serialize + Send>(
    source: &str,
    input: impl BufRead,
    out: &mut dyn Write,
    each: impl Fn(&Article) -> T + Sync,
) -> Result<usize> {
    // (lines are handed to the system a megabyte at a time, each from
    // where its worker wrote it: copied into a buffer first, they were
    // the reading thread's largest copy, 87 MB for the corpus's checks)
    let (mut lines, mut held) = (Vec::new(), 0);
    // (after a failed write nothing more is written: a line half written
    // would be written again)
    let mut failed = false;
    let done = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        in_order(
            source,
            input,
            |a| {
                factcheck::report::safe_json::to_line(&each(a))
                    .map_err(|e| Error::Usage(e.to_string()))
            },
            |line| {
                held += line.len();
                lines.push(line);
                if held >= 1 << 20 {
                    held = 0;
                    if let Err(e) = write_lines(out, &mut lines) {
                        failed = true;
                        return Err(Error::io("<stdout>", e));
                    }
                }
                Ok(())
            },
        )
    }));
    // what was kept is written before an error is told or a panic raised
    // (the error told is the first: the stream's, not a later write's)
    let flushed = if failed {
        Ok(())
    } else {
        write_lines(out, &mut lines)
    };
    match done {
        Err(panic) => std::panic::resume_unwind(panic),
        Ok(Err(e)) => Err(e),
        Ok(Ok(bad)) => flushed.map(|()| bad).map_err(|e| Error::io("<stdout>", e)),
    }
}

/// Write every line of `lines` to `out` in order, and empty it.
fn write_lines(out: &mut dyn Write, lines: &mut Vec<Vec<u8>>) -> std::io::Result<()> {
    let mut slices: Vec<std::io::IoSlice> =
        lines.iter().map(|l| std::io::IoSlice::new(l)).collect();
    let mut rest = &mut slices[..];
    // (empty lines first are no write: with only those left, a write of
    // nothing would be taken for a closed stream)
    std::io::IoSlice::advance_slices(&mut rest, 0);
    while !rest.is_empty() {
        match out.write_vectored(rest) {
            Ok(0) => return Err(std::io::ErrorKind::WriteZero.into()),
            Ok(n) => std::io::IoSlice::advance_slices(&mut rest, n),
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    lines.clear();
    Ok(())
}

/// The check of one record: its findings, with the record's id.
#[derive(serde::Serialize)]
pub struct Checked {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    #[serde(flatten)]
    pub report: ArticleReport,
}

pub fn check_record(a: &Article, checker: &Checker) -> Checked {
    Checked {
        id: a.id.clone(),
        report: checker.check(a),
    }
}

/// Read `extract --jsonl`'s output back: one article's claims per line,
/// each given to `each`; a line that is no such record is reported at its
/// line and column and the rest goes on. Returns how many were bad.
pub fn claims(
    source: &str,
    mut input: impl BufRead,
    mut each: impl FnMut(factcheck::model::ArticleClaims),
) -> Result<usize> {
    let (mut errors, mut n, mut buf) = (0, 0, Vec::new());
    while let Some(fits) =
        next_line(&mut input, MAX_RECORD_BYTES, &mut buf).map_err(|e| Error::io(source, e))?
    {
        n += 1;
        let parsed = match record_line(fits, &buf) {
            Err(message) => Err(Error::at(source, n, 1, message)),
            Ok(line) if line.trim().is_empty() => continue,
            Ok(line) => serde_json::from_str(line).map_err(|e| {
                Error::at(
                    source,
                    n,
                    e.column().max(1),
                    format!("not a record of `extract --jsonl`: {e}"),
                )
            }),
        };
        match parsed {
            Ok(a) => each(a),
            Err(e) => {
                errors += 1;
                crate::say::error(&e);
            }
        }
    }
    Ok(errors)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_the_formats_records_use() {
        let d = |s: &str| parse_date(s).map(|d| d.to_string());
        assert_eq!(d("2022-03-29T10:00:00Z").as_deref(), Some("2022-03-29"));
        assert_eq!(d("4/5/2017").as_deref(), Some("2017-04-05"));
        assert_eq!(d("19-OCT-1987 09:46:29.71").as_deref(), Some("1987-10-19"));
        assert_eq!(d("5 April 2017").as_deref(), Some("2017-04-05"));
        assert_eq!(d("2022-02-30"), None);
    }

    proptest::proptest! {
        /// Text with a letter after its first hyphen is never an ISO date
        /// to chrono, so `parse_date` does not ask it: on dates of wire
        /// copy, signs, spaces and digits of every width.
        #[test]
        fn a_month_in_letters_is_no_iso_date(s in "[-+ ]{0,2}[0-9]{0,5}-[A-Za-z0-9][A-Za-z0-9 :.+-]{0,14}") {
            let t = s.trim();
            let head = t.get(..10).unwrap_or(t);
            proptest::prop_assert!(!month_in_letters(t) || NaiveDate::parse_from_str(head, "%Y-%m-%d").is_err(), "{:?}", s);
        }
    }

    #[test]
    fn records_past_a_batch_of_bytes_keep_their_order() {
        // three records of 6 MB: the second batch starts at the third
        let text = "Five people died. ".repeat(6 << 20 >> 4);
        let input: String = (0..3)
            .map(|i| format!("{{\"id\": \"r{i}\", \"text\": \"{text}\"}}\n"))
            .collect();
        let mut out = Vec::new();
        let errors = run("in.jsonl", input.as_bytes(), &mut out, |a| a.id.clone()).unwrap();
        assert_eq!(errors, 0);
        let ids: Vec<String> = String::from_utf8(out)
            .unwrap()
            .lines()
            .map(String::from)
            .collect();
        assert_eq!(ids, ["\"r0\"", "\"r1\"", "\"r2\""]);
    }

    #[test]
    fn overlapping_batches_keep_input_order_and_count_bad_lines() {
        // five batches of small records, some slow, with bad lines between
        let mut input = String::new();
        for i in 0..(BATCH * 5 + 7) {
            if i % 700 == 3 {
                input.push_str("not json\n");
            }
            input.push_str(&format!("{{\"id\": \"r{i}\", \"text\": \"Nine died.\"}}\n"));
        }
        let mut out = Vec::new();
        let errors = run("in.jsonl", input.as_bytes(), &mut out, |a| {
            let id = a.id.clone().unwrap();
            // (the first records of every other batch are slow: the batch
            // after one is done first, and waits to be written)
            let i: usize = id[1..].parse().unwrap();
            if (i / BATCH).is_multiple_of(2) && i % BATCH < 6 {
                std::thread::sleep(std::time::Duration::from_millis(20));
            }
            id
        })
        .unwrap();
        assert_eq!(errors, 4);
        let want: Vec<String> = (0..(BATCH * 5 + 7)).map(|i| format!("\"r{i}\"")).collect();
        let got: Vec<String> = String::from_utf8(out)
            .unwrap()
            .lines()
            .map(String::from)
            .collect();
        assert_eq!(got, want);
    }

    #[test]
    fn a_failed_read_writes_the_batches_before_it() {
        // two batches of records, then a read error
        struct Broken;
        impl std::io::Read for Broken {
            fn read(&mut self, _: &mut [u8]) -> std::io::Result<usize> {
                Err(std::io::Error::other("the disk went away"))
            }
        }
        use std::io::Read;
        let records: String = (0..BATCH * 2)
            .map(|i| format!("{{\"id\": \"{i}\", \"text\": \"a\"}}\n"))
            .collect();
        let input = std::io::BufReader::new(records.as_bytes().chain(Broken));
        let mut out = Vec::new();
        // (the second batch is still out when the read fails)
        let got = run("in.jsonl", input, &mut out, |a| {
            if a.id.as_deref() == Some(&BATCH.to_string()) {
                std::thread::sleep(std::time::Duration::from_millis(200));
            }
            1u8
        });
        assert!(got.is_err());
        assert_eq!(String::from_utf8(out).unwrap().lines().count(), BATCH * 2);
    }

    #[test]
    #[should_panic(expected = "a record's panic")]
    fn a_panic_in_a_batch_is_raised_not_waited_for() {
        let input = "{\"text\": \"a\"}\n".repeat(BATCH * 3);
        let mut out = Vec::new();
        let _ = run("in.jsonl", input.as_bytes(), &mut out, |_| -> u8 {
            panic!("a record's panic")
        });
    }

    #[test]
    fn a_panic_in_a_batch_raises_after_the_lines_before_it_are_written() {
        // (the fourth batch's first record panics: the first two batches
        // were kept before it started, the third perhaps, and every line
        // kept is written before the panic goes on)
        let input: String = (0..BATCH * 4)
            .map(|i| format!("{{\"id\": \"{i}\", \"text\": \"a\"}}\n"))
            .collect();
        let mut out = Vec::new();
        let panicked = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            run("in.jsonl", input.as_bytes(), &mut out, |a| {
                assert_ne!(
                    a.id.as_deref(),
                    Some(&*(BATCH * 3).to_string()),
                    "a record's panic"
                );
                1u8
            })
        }));
        assert!(panicked.is_err());
        let written = String::from_utf8(out).unwrap().lines().count();
        assert!(
            written >= BATCH * 2 && written.is_multiple_of(BATCH),
            "{written}"
        );
    }

    /// A writer that takes a few bytes at a time, fails once after
    /// `fail_at` bytes, and then takes everything.
    struct Flaky {
        got: Vec<u8>,
        fail_at: usize,
        failed: bool,
    }

    impl Write for Flaky {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            if !self.failed && self.got.len() >= self.fail_at {
                self.failed = true;
                return Err(std::io::Error::other("the disk is full"));
            }
            let n = buf.len().min(7);
            self.got.extend_from_slice(&buf[..n]);
            Ok(n)
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn a_failed_write_is_told_and_no_line_is_written_twice() {
        // (lines of 600 bytes: the first megabyte is written while records
        // are still read, and fails half way)
        let input: String = (0..BATCH * 6)
            .map(|i| format!("{{\"id\": \"{i}\", \"text\": \"a\"}}\n"))
            .collect();
        let mut out = Flaky {
            got: Vec::new(),
            fail_at: 500_000,
            failed: false,
        };
        let got = run("in.jsonl", input.as_bytes(), &mut out, |a| {
            (a.id.clone(), "x".repeat(600))
        });
        assert!(got.is_err());
        let text = String::from_utf8_lossy(&out.got).into_owned();
        let ids: Vec<&str> = text
            .lines()
            .map(|l| l.get(2..).unwrap_or("").split('"').next().unwrap_or(""))
            .collect();
        // (every line whole but perhaps the last, each once, in order)
        let whole = ids.len() - 1;
        let want: Vec<String> = (0..whole).map(|i| i.to_string()).collect();
        assert!(whole > 100, "{whole}");
        assert_eq!(&ids[..whole], &want[..]);
        assert!(out.got.len() < 600_000, "{}", out.got.len());
    }

    #[test]
    fn lines_are_written_whole_through_short_writes_and_empty_lines() {
        let mut out = Flaky {
            got: Vec::new(),
            fail_at: usize::MAX,
            failed: false,
        };
        let mut lines = vec![
            Vec::new(),
            b"one\n".to_vec(),
            Vec::new(),
            b"a longer line\n".to_vec(),
            Vec::new(),
        ];
        write_lines(&mut out, &mut lines).unwrap();
        assert_eq!(out.got, b"one\na longer line\n");
        assert!(lines.is_empty());
        let mut empty = vec![Vec::new(), Vec::new()];
        write_lines(&mut out, &mut empty).unwrap();
    }

    #[test]
    fn lines_past_the_limit_are_read_through_not_kept() {
        let mut input = std::io::Cursor::new(&b"short\nthis line is too long\r\nok\r\n\nlast"[..]);
        let mut buf = Vec::new();
        let mut seen = Vec::new();
        while let Some(fits) = next_line(&mut input, 10, &mut buf).unwrap() {
            seen.push((fits, String::from_utf8(buf.clone()).unwrap()));
        }
        let want = [
            (true, "short"),
            (false, ""),
            (true, "ok"),
            (true, ""),
            (true, "last"),
        ];
        let want: Vec<(bool, String)> = want.iter().map(|&(f, s)| (f, s.to_string())).collect();
        assert_eq!(seen, want);
    }

    #[test]
    fn a_record_past_an_articles_limit_is_an_error_and_the_next_is_read() {
        use std::io::Read;
        // a 257 MB line, streamed: never held whole, then a good record
        let long = std::io::repeat(b'x').take(MAX_RECORD_BYTES as u64 + (1 << 20));
        let long = (&b"{\"id\": \"a\", \"text\": \""[..]).chain(long);
        let rest = &b"\"}\n{\"id\": \"b\", \"text\": \"Nine died.\"}\n\xff\xfe\n"[..];
        let input = std::io::BufReader::with_capacity(1 << 16, long.chain(rest));
        let mut out = Vec::new();
        let errors = run("in.jsonl", input, &mut out, |a| a.id.clone()).unwrap();
        // the long line and the one that is not UTF-8
        assert_eq!(errors, 2);
        assert_eq!(String::from_utf8(out).unwrap(), "\"b\"\n");
    }

    #[test]
    fn bad_lines_are_reported_and_the_rest_goes_on() {
        let input = "{\"id\": \"a\", \"text\": \"Twelve people died.\", \"extra\": 1}\nnot json\n\n{\"id\": 7, \"title\": \"no text\"}\n{\"text\": \"Five were killed.\", \"date\": \"2021-01-02\"}\n";
        let mut out = Vec::new();
        let errors = run("in.jsonl", input.as_bytes(), &mut out, |a| {
            factcheck::Extractor::default().extract(a)
        })
        .unwrap();
        assert_eq!(errors, 2);
        let lines: Vec<serde_json::Value> = String::from_utf8(out)
            .unwrap()
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[0]["id"], "a");
        assert_eq!(lines[0]["claims"][0]["quantity"]["value"], 12);
        assert_eq!(lines[1]["path"], "in.jsonl:5");
        assert_eq!(lines[1]["date"], "2021-01-02");
    }
}
