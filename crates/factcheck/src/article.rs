//! Article loading: bytes → checked UTF-8 text, front matter, date, and a
//! line index. The text is kept exactly as read so that every span is a
//! byte range of the file.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use chrono::NaiveDate;
use regex::Regex;
use serde::Deserialize;

use crate::error::{Error, Result};
use crate::lang::span::LineIndex;

/// The largest article read: 256 MiB (about a thousand times a long read).
pub const MAX_ARTICLE_BYTES: u64 = 256 << 20;

/// An article as read, with what its front matter or first line says.
#[derive(Debug, Clone)]
pub struct Article {
    /// The path as given on the command line (`-` for standard input).
    pub path: String,
    /// Record id, for articles read as JSON Lines.
    pub id: Option<String>,
    /// The file as read, byte for byte (a BOM included).
    pub text: String,
    /// Where the body starts, after any front matter.
    pub body_start: usize,
    /// The publication date: given by the caller, else front matter
    /// `date:`, else an ISO date at the start of the body.
    pub date: Option<NaiveDate>,
    /// The month and day of a wire dateline that gives no year ("CALDER
    /// BAY, June 2 (Reuters) -"): its year is the reference's, see
    /// [`Article::date_as_of`].
    pub dateline_day: Option<(u32, u32)>,
    /// Front matter `title:`.
    pub title: Option<String>,
    /// Byte offset → line and column, for locating spans in reports.
    pub lines: LineIndex,
}

#[derive(Deserialize)]
struct FrontMatter {
    date: Option<crate::yaml::AnyValue>,
    title: Option<String>,
}

static LEADING_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[\s\u{feff}]*(?:(?i:date)\s*:?\s*)?(\d{4}-\d{2}-\d{2})\b").unwrap()
});

/// A date with its month in words: "March 12, 2026", "12 March 2026",
/// "Mar. 12, 2026".
static WORDED_DATE: LazyLock<Regex> = LazyLock::new(|| {
    let month = r"(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?";
    Regex::new(&format!(
        r"(?i)\b(?:(\d{{1,2}})\s+{month},?\s+(\d{{4}})|{month}\s+(\d{{1,2}}),?\s+(\d{{4}}))\b"
    ))
    .unwrap()
});

/// The date a wire story or a web page states on its first line: a
/// dateline ("PELLHAM, March 12, 2026 (Wire) —"), a byline's "Published:
/// 12 March 2026", or the date alone. Later lines are the story's own
/// dates, never its publication's.
fn dateline(body: &str) -> Option<NaiveDate> {
    let line = body.trim_start().lines().next()?;
    let head = &line[..crate::lang::span::floor_char_boundary(line, 160)];
    let Some(c) = WORDED_DATE.captures(head) else {
        return numeric_date_line(line);
    };
    // a line that is a date, a byline or a dateline: short, or the date
    // closed by a dateline's mark ("…, 2026 (Wire) —"); a lede's own date
    // ("vanished on 1 February 1995.") is the story's, not the page's
    let after = line[c.get(0)?.end()..].trim_start();
    if line.len() > 80 && !after.starts_with(['(', '—', '–', '-', '|', '/']) {
        return None;
    }
    let months = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    // ("12 March 2026": day, month, year; "March 12, 2026": month, day, year)
    let (day, month, year) = match c.get(1) {
        Some(d) => (d.as_str(), c.get(2)?, c.get(3)?),
        None => (c.get(5)?.as_str(), c.get(4)?, c.get(6)?),
    };
    let month = months
        .iter()
        .position(|m| month.as_str().eq_ignore_ascii_case(m))? as u32
        + 1;
    NaiveDate::from_ymd_opt(year.as_str().parse().ok()?, month, day.parse().ok()?)
}

/// A first line that is a date in digits alone ("13/03/2026", "2026/03/12",
/// "Date: 13.03.2026"). Day and month are read only when one order can
/// be meant: "12/03/2026" is 12 March in Europe and December 3 in the
/// United States, and a guess would date a correct figure wrong.
fn numeric_date_line(line: &str) -> Option<NaiveDate> {
    static NUMERIC: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^\s*(?:(?i:date|published|updated)\s*:?\s*)?(?:(\d{4})[/.](\d{1,2})[/.](\d{1,2})|(\d{1,2})([/.])(\d{1,2})[/.](\d{4}))\s*$").unwrap()
    });
    let c = NUMERIC.captures(line)?;
    let n = |i: usize| c.get(i).and_then(|m| m.as_str().parse::<u32>().ok());
    if let (Some(y), Some(m), Some(d)) = (n(1), n(2), n(3)) {
        return NaiveDate::from_ymd_opt(y as i32, m, d);
    }
    let (a, b, y) = (n(4)?, n(6)?, n(7)? as i32);
    match (a > 12, b > 12) {
        (true, false) => NaiveDate::from_ymd_opt(y, b, a),
        (false, true) => NaiveDate::from_ymd_opt(y, a, b),
        // (both at most 12 unless they are the same day: ambiguous; both
        // over 12: no date)
        _ if a == b => NaiveDate::from_ymd_opt(y, a, b),
        _ => None,
    }
}

/// A front-matter `date:` as static-site generators write it: a day
/// ("2026-03-12"), or a timestamp whose day is taken ("2026-03-12
/// 10:00:00 +0000", Jekyll's; "2026-03-12T10:00:00Z", RFC 3339).
fn front_matter_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    if let Ok(d) = NaiveDate::parse_from_str(s, "%Y-%m-%d") {
        return Some(d);
    }
    // the day, then a time after a space or a "T"
    let (day, time) = s.split_at_checked(10)?;
    let time = time.strip_prefix(['T', 't', ' '])?;
    let clock = time
        .split(|c: char| !(c.is_ascii_digit() || c == ':' || c == '.'))
        .next()?;
    let parts: Vec<&str> = clock.split(':').collect();
    let valid_time = (2..=3).contains(&parts.len())
        && parts.iter().all(|p| {
            !p.is_empty()
                && p.split('.')
                    .next()
                    .is_some_and(|d| d.len() == 2 && d.bytes().all(|b| b.is_ascii_digit()))
        });
    if !valid_time {
        return None;
    }
    NaiveDate::parse_from_str(day, "%Y-%m-%d").ok()
}

/// A wire dateline without a year: a place in capitals, a comma, a month
/// and a day, then the agency or the dash ("CALDER BAY, June 2 (Reuters) -").
static YEARLESS_DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^[A-Z][A-Z .'’-]{1,40},\s+(?i:(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?)\s+(\d{1,2})\s*[(\-—–]",
    )
    .unwrap()
});

/// The month and day of a year-less wire dateline opening the body.
fn dateline_day(body: &str) -> Option<(u32, u32)> {
    let line = body.trim_start().lines().next()?;
    let head = &line[..crate::lang::span::floor_char_boundary(line, 120)];
    let c = YEARLESS_DATELINE.captures(head)?;
    let months = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let month = months.iter().position(|m| c[1].eq_ignore_ascii_case(m))? as u32 + 1;
    let day: u32 = c[2].parse().ok()?;
    (1..=31).contains(&day).then_some((month, day))
}

impl Article {
    /// Read an article from `path`; `-` reads standard input. Only regular
    /// files are read; articles larger than [`MAX_ARTICLE_BYTES`] are
    /// refused, counted as the bytes come.
    pub fn load(path: &Path) -> Result<Article> {
        let mut bytes = Vec::new();
        let too_large = |path: &Path| Error::ArticleTooLarge {
            path: path.to_path_buf(),
            limit: MAX_ARTICLE_BYTES,
        };
        if path.to_str().is_none() {
            return Err(Error::NameNotUtf8 {
                path: path.to_path_buf(),
            });
        }
        if path.as_os_str() == "-" {
            std::io::stdin()
                .take(MAX_ARTICLE_BYTES + 1)
                .read_to_end(&mut bytes)
                .map_err(|e| Error::io("<stdin>", e))?;
            if bytes.len() as u64 > MAX_ARTICLE_BYTES {
                return Err(too_large(path));
            }
        } else {
            bytes = crate::input::read_capped(path, MAX_ARTICLE_BYTES, || too_large(path))?;
        }
        Article::from_bytes(&path.display().to_string(), bytes)
    }

    /// Build an article from the bytes of a file: refuse UTF-16, text that
    /// is not UTF-8 and binary data (a NUL byte), then as [`Article::from_text`].
    pub fn from_bytes(path: &str, bytes: Vec<u8>) -> Result<Article> {
        if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
            return Err(Error::Encoding {
                path: PathBuf::from(path),
                encoding: "UTF-16",
            });
        }
        let text = String::from_utf8(bytes)
            .map_err(|e| Error::not_utf8(path.as_ref(), e.as_bytes(), e.utf8_error()))?;
        if let Some(offset) = memchr::memchr(0, text.as_bytes()) {
            let (line, column) = crate::error::line_col_of(&text.as_bytes()[..offset]);
            return Err(Error::Binary {
                path: PathBuf::from(path),
                offset,
                line,
                column,
            });
        }
        Article::from_text(path, text, None)
    }

    /// Build an article from text already in memory (JSON Lines records,
    /// tests, library callers). `date` overrides what the text says.
    pub fn from_text(path: &str, text: String, date: Option<NaiveDate>) -> Result<Article> {
        let lines = LineIndex::new(&text);
        let (body_start, fm_date, title) = front_matter(path, &text)?;
        let date = date.or(fm_date).or_else(|| {
            LEADING_DATE
                .captures(&text[body_start..])
                .and_then(|c| NaiveDate::parse_from_str(&c[1], "%Y-%m-%d").ok())
                .or_else(|| dateline(&text[body_start..]))
        });
        let dateline_day = date
            .is_none()
            .then(|| dateline_day(&text[body_start..]))
            .flatten();
        Ok(Article {
            path: path.to_string(),
            id: None,
            text,
            body_start,
            date,
            dateline_day,
            title,
            lines,
        })
    }

    /// The publication date, a year-less dateline's taken in the year of
    /// `as_of` (the year before when that day would fall more than a week
    /// after it).
    pub fn date_as_of(&self, as_of: Option<NaiveDate>) -> Option<NaiveDate> {
        use chrono::Datelike;
        self.date.or_else(|| {
            let ((month, day), as_of) = (self.dateline_day?, as_of?);
            let year = as_of.year();
            let date = NaiveDate::from_ymd_opt(year, month, day)?;
            if date > as_of + chrono::Duration::days(7) {
                NaiveDate::from_ymd_opt(year - 1, month, day)
            } else {
                Some(date)
            }
        })
    }

    /// The article's text after any front matter.
    pub fn body(&self) -> &str {
        &self.text[self.body_start..]
    }
}

/// Split off `---` … `---` front matter: (body start, date, title).
fn front_matter(path: &str, text: &str) -> Result<(usize, Option<NaiveDate>, Option<String>)> {
    let bom = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let rest = &text[bom..];
    let first_len = if rest.starts_with("---\n") {
        4
    } else if rest.starts_with("---\r\n") {
        5
    } else {
        return Ok((0, None, None));
    };
    let yaml_start = bom + first_len;
    let mut pos = yaml_start;
    for line in text[yaml_start..].split_inclusive('\n') {
        let trimmed = line.trim_end_matches(['\r', '\n']);
        if trimmed == "---" || trimmed == "..." {
            let yaml = &text[yaml_start..pos];
            let body_start = pos + line.len();
            let fm: FrontMatter = crate::yaml::front_matter_from_str(Path::new(path), yaml)
                .map_err(|e| match e {
                    Error::At {
                        path,
                        line,
                        column,
                        message,
                    } => Error::At {
                        path,
                        line: line + 1,
                        column,
                        message: format!("front matter: {message}"),
                    },
                    e => e,
                })?;
            let date = match fm.date.as_ref().and_then(|v| v.text()) {
                None => None,
                Some(s) => {
                    let d = front_matter_date(&s).ok_or(()).map_err(|_| {
                        let off = text[..pos].find("date").unwrap_or(yaml_start);
                        let idx = LineIndex::new(text);
                        let (l, c) = idx.line_col(text, off);
                        Error::at(path, l, c, format!("front matter: `date: {s}` is not a valid date (expected YYYY-MM-DD)"))
                    })?;
                    Some(d)
                }
            };
            return Ok((body_start, date, fm.title));
        }
        pos += line.len();
    }
    // An opening `---` with no closing line is a Markdown rule, not front matter.
    Ok((0, None, None))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seed_style_date_prefix() {
        let a = Article::from_text("a", " date 2022-03-29 Ukraine.- The army said".into(), None)
            .unwrap();
        assert_eq!(a.date, NaiveDate::from_ymd_opt(2022, 3, 29));
    }

    #[test]
    fn front_matter_date_and_title() {
        let t = "\u{feff}---\r\ntitle: Talks\r\ndate: 2022-03-30\r\n---\r\nBody 140 dead.\r\n";
        let a = Article::from_text("a", t.into(), None).unwrap();
        assert_eq!(a.date, NaiveDate::from_ymd_opt(2022, 3, 30));
        assert_eq!(a.title.as_deref(), Some("Talks"));
        assert!(a.body().starts_with("Body"));
    }

    #[test]
    fn bad_front_matter_date_is_located() {
        let t = "---\ndate: 2022-02-30\n---\nBody";
        let e = Article::from_text("a.md", t.into(), None)
            .unwrap_err()
            .to_string();
        assert!(e.starts_with("a.md:2:1:"), "{e}");
    }

    #[test]
    fn invalid_utf8_names_offset() {
        let e = Article::from_bytes("x.txt", b"abc\xffdef".to_vec())
            .unwrap_err()
            .to_string();
        assert_eq!(
            e,
            "x.txt:1:4: not valid UTF-8 (byte offset 3); save the file as UTF-8"
        );
        let e = Article::from_bytes("x.txt", b"one\n\xc3\xa9t\xc3\xa9 \xe9".to_vec())
            .unwrap_err()
            .to_string();
        assert!(
            e.starts_with("x.txt:2:5: not valid UTF-8 (byte offset 10)"),
            "{e}"
        );
    }

    #[test]
    fn iso_date_at_start() {
        let a = Article::from_text("a", "2021-01-05\nText".into(), None).unwrap();
        assert_eq!(a.date, NaiveDate::from_ymd_opt(2021, 1, 5));
    }
}
