//! Corrections: the article rewritten with every fix the findings carry
//! (figures in the article's own style, misquotes restored, speakers
//! corrected), as a unified diff; the command line writes it back.

use similar::TextDiff;

use crate::lexicon::Lexicon;
use crate::model::{Correction, Finding};

/// Markup that may stand between an article's words: an HTML comment or
/// tag, a Markdown link's target, a character reference (`1&#44;500`).
const MARKUP: [&str; 5] = ["<", ">", "](", "&#", "&amp;"];

/// How many times a corrected article is checked again for the fixes the
/// corrections themselves made possible.
const SETTLE_ROUNDS: usize = 3;

impl super::Checker<'_> {
    /// `article` with every correction of `report` made, then checked
    /// again and fixed again until no fix is left, for at most
    /// [`SETTLE_ROUNDS`] rounds: a name put right may settle whom a later
    /// "he" means, and his misquote is then fixed in the same run, so a
    /// second `--write` changes nothing.
    pub fn settle(
        &self,
        article: &crate::Article,
        report: &crate::model::ArticleReport,
    ) -> crate::model::Settled {
        let mut text = corrected_report(&article.text, report);
        let mut corrections = report.corrections().count();
        // the findings of `text` as it stands, once checked
        let mut left = None;
        for _ in 1..SETTLE_ROUNDS {
            if text == article.text {
                break;
            }
            let Ok(again) = crate::Article::from_text(&article.path, text.clone(), None) else {
                break;
            };
            let mut more = self.check(&again);
            // (what was set aside — by a baseline, a changed-lines filter —
            // stays aside in every round: never fixed, never left)
            crate::model::drop_set_aside(&mut more.findings, &report.suppressed);
            let next = corrected_report(&text, &more);
            if next == text {
                left = Some(more.findings);
                break;
            }
            corrections += more.corrections().count();
            text = next;
        }
        // (the last round's fixes, checked once more: what a run after
        // `--write` would report)
        let left = match left {
            Some(left) => left,
            None if text == article.text => report.findings.clone(),
            None => crate::Article::from_text(&article.path, text.clone(), None)
                .map(|a| {
                    let mut left = self.check(&a).findings;
                    crate::model::drop_set_aside(&mut left, &report.suppressed);
                    left
                })
                .unwrap_or_default(),
        };
        crate::model::Settled {
            text,
            corrections,
            left,
        }
    }
}

/// Drop each correction `--write` must not make: words to replace that
/// hold markup (rewriting them would cut a comment or a link in half), and
/// a speaker's name that was misread (see [`misread_name`]). The finding
/// stays, for an editor to fix by hand; `--write` only replaces plain words.
pub(crate) fn spare_unsafe(text: &str, findings: &mut [Finding], lexicon: &Lexicon) {
    for f in findings.iter_mut() {
        // a speaker whose name was misread is not known: no sure error
        // ("Zo&euml; Adams" read as "Zo")
        if f.status == crate::model::Status::Misattributed
            && f.severity > crate::model::Severity::Warning
            && f.claim
                .as_ref()
                .is_some_and(|claim| misread_mention(text, claim, lexicon).is_some())
        {
            f.severity = crate::model::Severity::Warning;
            f.correction = None;
            f.message.push_str(
                " The speaker's name is written in a way not read here: check who said it.",
            );
        }
        let Some(c) = &f.correction else {
            continue;
        };
        let Some(old) = text.get(c.start..c.end) else {
            f.correction = None;
            continue;
        };
        // (the speaker's own words: a quote's fix may ride along)
        let misread = f.claim.as_ref().is_some_and(|claim| {
            misread_mention(text, claim, lexicon).is_some_and(|(a, b)| a < c.end && c.start < b)
        });
        if MARKUP.iter().any(|m| old.contains(m))
            || after_entity(&text[..c.start])
            || before_entity(&text[c.end..])
            || holds_entity(old)
            || misread
            || joins_a_number(text, c)
        {
            f.correction = None;
        }
    }
}

/// The span of the claim's speaker's name when it was misread (see
/// [`misread_name`]): no fix may replace it.
pub(crate) fn misread_mention(
    text: &str,
    claim: &crate::model::Claim,
    lexicon: &Lexicon,
) -> Option<(usize, usize)> {
    let (a, b) = claim.attribution.as_ref()?.mention_span?;
    // (with the characters either side: "Ann\u{1b}Lee" is one name
    // misread, of which the mention holds only "Lee"; a character
    // reference touching it, "Zo&euml; Adams", leaves it half read)
    let entity = text.get(a..b).is_some_and(holds_entity)
        || text.get(..a).is_some_and(after_entity)
        || text.get(b..).is_some_and(before_entity);
    (entity
        || text
            .get(widen(text, a, b))
            .is_some_and(|name| misread_name(name, lexicon)))
    .then_some((a, b))
}

/// Two corrections of one finding as one: the text between them kept as
/// it is. Overlapping ones are not joined (the first stands).
pub(crate) fn joined(
    text: &str,
    a: Option<Correction>,
    b: Option<Correction>,
) -> Option<Correction> {
    let (first, second) = match (a, b) {
        (Some(a), Some(b)) if a.start <= b.start => (a, b),
        (Some(a), Some(b)) => (b, a),
        (a, b) => return a.or(b),
    };
    let Some(between) = text.get(first.end..second.start) else {
        return Some(first);
    };
    Some(Correction {
        start: first.start,
        end: second.end,
        replacement: format!("{}{between}{}", first.replacement, second.replacement),
    })
}

/// Whether a speaker's name to be replaced is not a name as written: it
/// runs across a sentence end ("Fomi n. Peskov said": "n." ends the
/// sentence before, it is no initial) or holds invisible characters (a
/// zero-width space, a vertical tab). Replacing it would cut words of
/// another sentence.
fn misread_name(old: &str, lexicon: &Lexicon) -> bool {
    let invisible = |c: char| {
        c.is_control() && !matches!(c, '\n' | '\r' | '\t')
            || crate::report::visible::is_hidden(c)
            || matches!(c, '\u{200b}'..='\u{200d}' | '\u{2060}' | '\u{feff}')
    };
    let words: Vec<&str> = old.split_whitespace().collect();
    let ends_sentence = |w: &&str| {
        let bare = w.trim_end_matches(['.', '!', '?']);
        // an initial ("G."), or dotted capitals ("U.S.", "U.N.")
        let initial = bare
            .split('.')
            .all(|part| part.chars().count() == 1 && part.chars().all(char::is_uppercase));
        bare.len() < w.len()
            && !initial
            && !lexicon.abbreviations.contains(bare.to_lowercase().as_str())
    };
    old.chars().any(invisible) || words.iter().rev().skip(1).any(ends_sentence)
}

/// The range `a..b` with the character just before and just after it.
fn widen(text: &str, a: usize, b: usize) -> std::ops::Range<usize> {
    let start = text
        .get(..a)
        .and_then(|t| t.char_indices().next_back())
        .map_or(a, |(i, _)| i);
    let end = text
        .get(b..)
        .and_then(|t| t.chars().next())
        .map_or(b, |c| b + c.len_utf8());
    start..end
}

/// Whether the fix would write digits a space away from other digits that
/// read with them as one number in groups of three ("1 43" → "1 143",
/// which reads as 1,143 next time, and a second `--write` changes the text
/// again). A year before a figure ("2015 143 children") joins nothing.
fn joins_a_number(text: &str, c: &Correction) -> bool {
    const SPACES: [char; 3] = [' ', '\u{a0}', '\u{202f}'];
    // the digits `s` ends with are a group's head: one to three, not the
    // end of "1,20" or "2.5" (a hyphen, a currency sign or a bracket
    // before them ends their token: "2019-20", "$1")
    let head = |s: &str| {
        let rest = s.trim_end_matches(|ch: char| ch.is_ascii_digit());
        (1..=3).contains(&(s.len() - rest.len())) && !rest.ends_with([',', '.'])
    };
    // three digits and no more: a group that follows a head
    let group = |s: &str| {
        s.len() >= 3
            && s.as_bytes()[..3].iter().all(u8::is_ascii_digit)
            && !s[3..].starts_with(|ch: char| ch.is_ascii_digit() || ch == ',')
    };
    // (groups are joined across at most three spaces)
    let gap = |g: &str| (1..=3).contains(&g.chars().count());
    let before = &text[..c.start];
    let after = &text[c.end..];
    let lead = before.trim_end_matches(SPACES);
    let trail = after.trim_start_matches(SPACES);
    (gap(&before[lead.len()..]) && head(lead) && group(&c.replacement))
        || (gap(&after[..after.len() - trail.len()]) && head(&c.replacement) && group(trail))
}

/// Whether `before` ends with a character reference (`&#44;`, `&nbsp;`):
/// the words after it may be the rest of a number or a word it splits.
/// Whether `after` opens with a character reference (`&euml;`, `&#8217;`):
/// a fix ending right before one would cut the word it belongs to.
fn before_entity(after: &str) -> bool {
    let Some(rest) = after.strip_prefix('&') else {
        return false;
    };
    let name = rest.len()
        - rest
            .trim_start_matches(|c: char| c.is_ascii_alphanumeric() || c == '#')
            .len();
    (1..=10).contains(&name) && rest[name..].starts_with(';')
}

/// Whether `s` holds a character reference anywhere.
fn holds_entity(s: &str) -> bool {
    s.match_indices('&').any(|(i, _)| before_entity(&s[i..]))
}

fn after_entity(before: &str) -> bool {
    let Some(head) = before.strip_suffix(';') else {
        return false;
    };
    let name = head.len()
        - head
            .trim_end_matches(|c: char| c.is_ascii_alphanumeric() || c == '#')
            .len();
    (1..=10).contains(&name) && head[..head.len() - name].ends_with('&')
}

/// `text` with the corrections of `findings` applied. Corrections that
/// overlap an earlier one are left out rather than guessed at.
pub fn corrected(text: &str, findings: &[Finding]) -> String {
    apply(text, findings.iter().filter_map(|f| f.correction.as_ref()))
}

/// `text` with every correction of `report` applied, those of findings
/// left out past the findings cap too (what `--write` writes).
pub fn corrected_report(text: &str, report: &crate::model::ArticleReport) -> String {
    apply(text, report.corrections())
}

fn apply<'c>(text: &str, fixes: impl Iterator<Item = &'c Correction>) -> String {
    let mut fixes: Vec<&Correction> = fixes.collect();
    fixes.sort_by_key(|c| (c.start, c.end));
    let mut out = String::with_capacity(text.len());
    let mut pos = 0;
    for c in fixes {
        if c.start < pos
            || c.end > text.len()
            || !text.is_char_boundary(c.start)
            || !text.is_char_boundary(c.end)
        {
            continue;
        }
        out.push_str(&text[pos..c.start]);
        out.push_str(&c.replacement);
        pos = c.end;
    }
    out.push_str(&text[pos..]);
    out
}

/// A unified diff of the article against its corrected text; both headers
/// name the article, so `patch -p0` (run where the path is valid) applies it.
/// Lines end at `\n` only, as `patch` reads them: a lone carriage return
/// (old Mac copy) stays inside its line, where `similar`'s line diff would
/// end a line there and put the next `-` in the middle of a patch line.
pub fn unified_diff(path: &str, reference: &str, old: &str, new: &str) -> String {
    if old == new {
        return String::new();
    }
    let a: Vec<&str> = old.split_inclusive('\n').collect();
    let b: Vec<&str> = new.split_inclusive('\n').collect();
    let mut out = format!("# corrections from {reference}\n--- {path}\n+++ {path}\n");
    // fixes that keep every line break change lines in place: their hunks
    // are read off line by line, in linear time (a general diff of 50,000
    // fixes in 5 million lines took minutes)
    if a.len() == b.len() {
        line_for_line(&a, &b, &mut out);
        return out;
    }
    let diff = TextDiff::configure()
        .newline_terminated(true)
        .timeout(std::time::Duration::from_secs(5))
        .diff_slices(&a, &b);
    for group in diff.grouped_ops(3) {
        let (first, last) = (&group[0], &group[group.len() - 1]);
        let old_range = first.old_range().start..last.old_range().end;
        let new_range = first.new_range().start..last.new_range().end;
        out.push_str(&format!(
            "@@ -{} +{} @@\n",
            hunk_range(old_range),
            hunk_range(new_range)
        ));
        for op in &group {
            for change in diff.iter_changes(op) {
                out.push_str(&change.tag().to_string());
                out.push_str(change.value());
                if !change.value().ends_with('\n') {
                    out.push_str("\n\\ No newline at end of file\n");
                }
            }
        }
    }
    out
}

/// The hunks of two texts of as many lines, the changed ones replaced in
/// place, with three lines of context as `diff -u` gives them.
fn line_for_line(a: &[&str], b: &[&str], out: &mut String) {
    const CONTEXT: usize = 3;
    let changed: Vec<usize> = (0..a.len()).filter(|&i| a[i] != b[i]).collect();
    let mut k = 0;
    while k < changed.len() {
        // the changes close enough to share a hunk
        let mut last = k;
        while last + 1 < changed.len() && changed[last + 1] - changed[last] <= 2 * CONTEXT + 1 {
            last += 1;
        }
        let from = changed[k].saturating_sub(CONTEXT);
        let to = (changed[last] + CONTEXT + 1).min(a.len());
        let range = hunk_range(from..to);
        out.push_str(&format!("@@ -{range} +{range} @@\n"));
        let mut line = |tag: char, l: &str| {
            out.push(tag);
            out.push_str(l);
            if !l.ends_with('\n') {
                out.push_str("\n\\ No newline at end of file\n");
            }
        };
        let mut i = from;
        while i < to {
            if a[i] == b[i] {
                line(' ', a[i]);
                i += 1;
                continue;
            }
            // a run of changed lines: all old lines, then all new ones
            let run = (i..to).take_while(|&j| a[j] != b[j]).count();
            for l in &a[i..i + run] {
                line('-', l);
            }
            for l in &b[i..i + run] {
                line('+', l);
            }
            i += run;
        }
        k = last + 1;
    }
}

/// A hunk's lines as unified diff writes them: `start,len`, `start` alone
/// for one line, and the line before for none.
fn hunk_range(r: std::ops::Range<usize>) -> String {
    match r.len() {
        1 => format!("{}", r.start + 1),
        0 => format!("{},0", r.start),
        n => format!("{},{n}", r.start + 1),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Severity, Status};

    fn fix(start: usize, end: usize, r: &str) -> Finding {
        Finding {
            status: Status::Mismatch,
            severity: Severity::Error,
            fact: None,
            claim: None,
            expected: None,
            found: None,
            message: String::new(),
            diff: None,
            correction: Some(Correction {
                start,
                end,
                replacement: r.into(),
            }),
        }
    }

    #[test]
    fn applies_in_order_and_skips_overlaps() {
        let t = "more than 410 children, said Peskov.";
        let f = [
            fix(29, 35, "Alexander Fomin"),
            fix(10, 13, "140"),
            fix(11, 12, "x"),
        ];
        assert_eq!(
            corrected(t, &f),
            "more than 140 children, said Alexander Fomin."
        );
    }

    #[test]
    fn diff_headers_name_the_article() {
        let d = unified_diff("a.md", "ref.yaml", "one\ntwo\n", "one\nthree\n");
        assert!(d.contains("--- a.md\n+++ a.md\n"), "{d}");
        assert!(d.contains("-two\n+three\n"), "{d}");
    }

    #[test]
    fn digits_are_never_written_where_they_join_another_number() {
        let fix = |text: &str, old: &str, new: &str| {
            let start = text.find(old).unwrap();
            let c = Correction {
                start,
                end: start + old.len(),
                replacement: new.into(),
            };
            joins_a_number(text, &c)
        };
        // (each would read as one spaced number: 1 143, 20 143, 143 000)
        assert!(fix("Smith said 1 43 died.", "43", "143"));
        assert!(fix("In 2019-20 43 people died.", "43", "143"));
        assert!(fix("Some 43 000 fled.", "43", "143"));
        // a year, a decimal, a separator or a wide gap joins nothing
        assert!(!fix("In 2015 43 people died.", "43", "143"));
        assert!(!fix("Some 2.5 43 fled.", "43", "143"));
        assert!(!fix("In 1,20 43 fled.", "43", "143"));
        assert!(!fix("Smith said 1     43 died.", "43", "143"));
        assert!(!fix("Smith said 1 43 died.", "43", "1,179"));
    }
}

#[cfg(test)]
mod diff_tests {
    use super::unified_diff;

    #[test]
    fn fixes_in_place_make_the_hunks_diff_u_makes() {
        // six lines apart: one hunk, as `diff -u` gives it; the last line
        // has no newline
        let (old, new) = (
            "a\nb 1\nc\nd\ne\nf\ng\nh\nk 2\nl",
            "a\nb 9\nc\nd\ne\nf\ng\nh\nk 8\nl",
        );
        assert_eq!(
            unified_diff("x.md", "r.yaml", old, new),
            "# corrections from r.yaml\n--- x.md\n+++ x.md\n@@ -1,10 +1,10 @@\n a\n-b 1\n+b 9\n c\n d\n e\n f\n g\n h\n-k 2\n+k 8\n l\n\\ No newline at end of file\n"
        );
        // seven apart: two hunks
        let d = unified_diff(
            "x.md",
            "r.yaml",
            &old.replace("h\n", "h\ni\n"),
            &new.replace("h\n", "h\ni\n"),
        );
        assert!(d.contains("@@ -1,5 +1,5 @@\n a\n-b 1"), "{d}");
        assert!(d.contains("@@ -7,5 +7,5 @@\n g\n h\n i\n-k 2"), "{d}");
    }
}
