//! Statements: reported speech against the reference's statements, with
//! inflection and small gaps allowed, and the speaker checked.

use super::words::content_words;
use super::Checker;
use crate::lexicon::Lexicon;
use crate::model::{Claim, Finding, Status};

fn same_stem(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let common = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
    let shorter = a.chars().count().min(b.chars().count());
    shorter >= 4 && common >= shorter.saturating_sub(2).max(4)
}

/// Where `content` says `says`: its words in order, inflection allowed,
/// at most two extra words between any two. Returns the first word's index.
fn says_at(lx: &Lexicon, c: &[String], s: &[String]) -> Option<usize> {
    // a reference that wrote the cue with the words ("denied security
    // services were involved", "said that …") still means the words
    if s.len() > 2 && lx.reporting_verbs.contains(s[0].as_str()) {
        let rest = if s[1] == "that" { &s[2..] } else { &s[1..] };
        if let Some(at) = says_in_order(lx, c, rest) {
            return Some(at);
        }
    }
    says_in_order(lx, c, s)
}

/// Where `content` holds the words `s` in order (see `says_at`).
fn says_in_order(lx: &Lexicon, c: &[String], s: &[String]) -> Option<usize> {
    if s.is_empty() {
        return None;
    }
    (0..c.len()).find(|&start| {
        if !same_stem(&c[start], &s[0]) {
            return false;
        }
        let mut pos = start;
        for w in &s[1..] {
            match (pos + 1..c.len().min(pos + 4)).find(|&p| same_stem(&c[p], w)) {
                Some(p) => pos = p,
                // small words may be left out: "declare neutrality" says "declare its neutrality"
                None if lx.is_small_word(w) => {}
                None => return false,
            }
        }
        true
    })
}

impl<'r> Checker<'r> {
    pub(super) fn statement(&self, c: &Claim, figures: &[(usize, usize)], out: &mut Vec<Finding>) {
        let Some(content) = &c.content else { return };
        let speaker = self.speaker_id(c);
        let words = content_words(content);
        // the speaker's own statement first, then anyone's (a misattribution)
        let matching = || {
            self.statements
                .iter()
                .filter_map(|(s, says)| Some((*s, says_at(&self.reference.lexicon, &words, says)?)))
        };
        let own = matching().find(|(s, _)| speaker.as_deref() == Some(s.speaker.as_str()));
        let Some((rs, at)) = own.or_else(|| matching().next()) else {
            // a statement that carries a figure is judged by the figure
            // figures are sorted by where they start: the first at or after the statement
            let i = figures.partition_point(|&(a, _)| a < c.span.start);
            if figures.get(i).is_none_or(|&(_, b)| b > c.span.end) {
                out.push(self.finding(
                    Status::Unverified,
                    None,
                    Some(c),
                    None,
                    Some(content.clone()),
                    "No reference statement covers this.".into(),
                ));
            }
            return;
        };
        let right = self.reference.source_name(&rs.speaker);
        // speech inside speech: "Haddad reported that political observers
        // there said …" — the words are the inner speaker's, whom the
        // content names before them
        let before = &words[..at];
        let nested = before
            .iter()
            .any(|w| self.reference.lexicon.reporting_verbs.contains(w.as_str()));
        let inner_is_right = nested && self.named_in(&rs.speaker, &before.join(" ")).is_some();
        if speaker.as_deref() == Some(rs.speaker.as_str())
            || self.credited_jointly(c, &rs.speaker)
            || inner_is_right
        {
            out.push(self.finding(
                Status::Match,
                Some(&rs.id),
                Some(c),
                Some(format!("{right}: {}", rs.says)),
                Some(content.clone()),
                format!("The statement matches what {right} said."),
            ));
        } else {
            let given = c
                .attribution
                .as_ref()
                .map_or(String::new(), |a| a.speaker.clone());
            if nested {
                // the inner speaker, not `given`, is the one the article
                // credits: a guess about who that is is no error
                let mut f = self.misattributed(c, &rs.id, &rs.speaker, String::new());
                f.severity = f.severity.min(crate::model::Severity::Warning);
                f.correction = None;
                f.message = format!(
                    "In what {given} reports, someone else speaks; the reference has this from {right}; check who said it."
                );
                out.push(f);
                return;
            }
            let message = format!("The statement is given to {given} but {right} made it.");
            out.push(self.misattributed(c, &rs.id, &rs.speaker, message));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statements_allow_inflection_and_gaps() {
        let says_match = |c: &str, s: &str| {
            says_at(Lexicon::default_ref(), &content_words(c), &content_words(s)).is_some()
        };
        assert!(says_match(
            "his country was prepared to declare its neutrality",
            "prepared to declare its neutrality"
        ));
        assert!(says_match(
            "Ukraine is preparing to declare neutrality",
            "prepared to declare its neutrality"
        ));
        assert!(!says_match(
            "Ukraine will never be neutral",
            "prepared to declare its neutrality"
        ));
        // the reference wrote the cue with the words
        assert!(says_match(
            "the security services were involved",
            "denied security services were involved"
        ));
        assert!(says_match(
            "the talks would resume",
            "said that the talks would resume"
        ));
    }
}
