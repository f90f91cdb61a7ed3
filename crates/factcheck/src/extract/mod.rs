//! Extraction: article text → claims (quantities, quotes, statements).
//!
//! One pass over the sentences finds speech events and quantities; one pass
//! over the text finds quotations; then quotes and figures take their
//! speaker from the speech around them.

mod attach;
mod citation;
mod headline;
mod prepare;
pub(crate) mod quantity;
pub(crate) mod quotes;
mod resolve;
pub(crate) mod scan;
pub(crate) mod speakers;
pub(crate) mod speech;
pub(crate) mod text;

use crate::article::Article;
use crate::lang::qualifier::{to_nums, Stated};
use crate::lang::tokens::{tokenize, Token};
use crate::lexicon::grammar;
use crate::lexicon::Lexicon;
use crate::model::{
    ArticleClaims, Attribution, Claim, ClaimKind, NumberStyle, Quantity, Resolution,
};
use attach::{in_sentence, quote_speaker};
use quantity::QuantityHit;
use speakers::{KnownSource, Registry};
use speech::{Sent, SpeechEvent};

/// Where the first ", while …" of `content` ends (the opener's last byte
/// + 1): what follows it may be the writer's, not the speaker's.
fn first_contrast(content: &str) -> Option<usize> {
    let base = content.as_ptr() as usize;
    let words = content.split_whitespace();
    words.clone().zip(words.skip(1)).find_map(|(w, next)| {
        (w.ends_with(',')
            && grammar::CONTRAST_OPENERS
                .iter()
                .any(|c| next.eq_ignore_ascii_case(c)))
        .then(|| next.as_ptr() as usize - base + next.len())
    })
}

/// Extracts claims with a lexicon and, optionally, the sources of a
/// reference (whose names and aliases then win).
#[derive(Debug, Clone)]
pub struct Extractor<'l> {
    lexicon: &'l Lexicon,
    /// The speaker registry seeded with the reference's sources, built
    /// once: rebuilt per article it cost 0.8 s an article on a reference
    /// of 100,000 aliases. Each article reads with a copy.
    seed: Registry,
}

/// A sentence read: where it is, its paragraph, and whether it is on a
/// related-story teaser line.
struct Prepared {
    start: usize,
    end: usize,
    paragraph: usize,
    teaser: bool,
}

/// What the claims of an article are built from, once the sentences are read.
struct Claims<'a> {
    article: &'a Article,
    src: &'a str,
    prepared: &'a [Prepared],
    registry: &'a Registry,
    events: &'a [SpeechEvent],
    quotes: &'a [quotes::QuoteSpan],
    lexicon: &'a Lexicon,
    /// The last citation search, for the next figure's.
    cited: citation::Citations,
}

impl Claims<'_> {
    /// The index of the sentence holding byte `offset`.
    fn sentence_of(&self, offset: usize) -> usize {
        let prepared = self.prepared;
        prepared
            .partition_point(|p| p.end <= offset)
            .min(prepared.len().saturating_sub(1))
    }

    /// The text of the sentences spanning `a..b`.
    fn sentence_text(&self, a: usize, b: usize) -> String {
        let src = self.src;
        let (sa, sb) = (
            self.sentence_of(a),
            self.sentence_of(b.saturating_sub(1).max(a)),
        );
        let (start, end) = match (self.prepared.get(sa), self.prepared.get(sb)) {
            (Some(x), Some(y)) => (x.start.min(a), y.end.max(b)),
            _ => (a, b),
        };
        // a "sentence" of megabytes (a list that lost its full stops, or a
        // hostile one) is kept as the words around the claim: every claim
        // holding the whole of it would take memory quadratic in its length
        let (start, end) = if end - start > crate::limits::MAX_SENTENCE_TEXT {
            let lo = crate::lang::span::floor_char_boundary(
                src,
                a.saturating_sub(crate::limits::CLAIM_WINDOW).max(start),
            );
            // (words of kilobytes, as a statement running to the end of such
            // a sentence, are kept to their first bytes)
            let b = b.min(a + crate::limits::CLAIM_WINDOW);
            let hi = crate::lang::span::floor_char_boundary(
                src,
                (b + crate::limits::CLAIM_WINDOW).min(end),
            );
            (lo, hi.max(a))
        } else {
            (start, end)
        };
        src[start..end].trim().to_string()
    }

    /// `teaser` for a claim on a related-story teaser line.
    fn context(&self, offset: usize) -> Option<String> {
        self.prepared
            .get(self.sentence_of(offset))
            .filter(|p| p.teaser)
            .map(|_| "teaser".to_string())
    }

    fn quote_speaker(&self, q: &quotes::QuoteSpan) -> Option<&SpeechEvent> {
        quote_speaker(
            q,
            self.events,
            self.quotes,
            self.prepared,
            self.sentence_of(q.open),
        )
    }

    /// Quote claims: quotations with their speaker, if any.
    fn quotes(&self, claims: &mut Vec<Claim>) {
        let src = self.src;
        for q in self.quotes {
            let (a, b) = q.inner();
            let speaker = self.quote_speaker(q);
            // two quoted words are a speaker's only when a speaker is there
            if speaker.is_none() && q.text(src).split_whitespace().count() < 3 {
                continue;
            }
            claims.push(Claim {
                id: String::new(),
                kind: ClaimKind::Quote,
                text: self.sentence_text(q.open, q.close),
                span: self.article.lines.span(src, a, b),
                quantity: None,
                quote: Some(q.text(src)),
                content: None,
                attribution: speaker.map(|e| self.attribution(e, a, b)),
                context: self.context(q.open),
            });
        }
    }

    /// Statement claims: speech whose content is not just a quotation.
    fn statements(&self, claims: &mut Vec<Claim>) {
        let (src, quotes) = (self.src, self.quotes);
        for e in self.events {
            let Some((a, b)) = e.content else { continue };
            // quotes are sorted and do not overlap: the last one opening before a
            let i = quotes.partition_point(|q| q.open <= a + 3);
            let only_quote = i > 0 && quotes[i - 1].close + 3 >= b;
            if only_quote {
                continue;
            }
            claims.push(Claim {
                id: String::new(),
                kind: ClaimKind::Statement,
                text: self.sentence_text(a, b),
                span: self.article.lines.span(src, a, b),
                quantity: None,
                quote: None,
                content: Some(crate::limits::long_words(src, a, b).to_string()),
                attribution: Some(self.attribution(e, a, b)),
                context: self.context(a),
            });
        }
    }

    /// Quantity claims, attributed to the speech whose content holds them,
    /// or to the speaker of the quotation they are in.
    fn quantities(&self, hits: Vec<(usize, QuantityHit)>, claims: &mut Vec<Claim>) {
        let (src, quotes) = (self.src, self.quotes);
        let mut contrasts: rustc_hash::FxHashMap<usize, Option<usize>> = Default::default();
        for (index, h) in hits {
            let (a, b) = h.phrase;
            let n = &h.number;
            let speaker = in_sentence(self.events, index)
                .iter()
                .find(|e| {
                    e.content
                        .is_some_and(|(ca, cb)| ca <= n.start && n.end <= cb)
                })
                .or_else(|| {
                    let i = quotes.partition_point(|q| q.open <= n.start);
                    i.checked_sub(1)
                        .map(|i| &quotes[i])
                        .filter(|q| n.end <= q.close)
                        .and_then(|q| self.quote_speaker(q))
                });
            // past ", while …" the clause may be the writer's, set against
            // what was said: its speaker is a guess
            // (the first such opener of each content, found once: a long
            // content holding many figures is read once, not once per figure)
            let contrast = speaker.and_then(|e| e.content).is_some_and(|(ca, cb)| {
                let first = *contrasts
                    .entry(ca)
                    .or_insert_with(|| first_contrast(&src[ca..cb.min(src.len())]).map(|e| ca + e));
                first.is_some_and(|end| end <= n.start)
            });
            claims.push(Claim {
                id: String::new(),
                kind: ClaimKind::Quantity,
                text: self.sentence_text(a, b),
                span: self.article.lines.span(src, a, b),
                quantity: Some(quantity_of(h, src)),
                quote: None,
                content: None,
                attribution: speaker
                    .map(|e| {
                        let mut at = self.attribution(e, a, b);
                        if contrast {
                            at.resolved = Resolution::Contrast;
                        }
                        at
                    })
                    .or_else(|| self.citation(b)),
                context: self.context(a),
            });
        }
    }

    /// A citation marker after the figure in its sentence ("killed at least
    /// 4,000 people,[1]"): Wikipedia-style copy names its source there.
    fn citation(&self, b: usize) -> Option<Attribution> {
        let end = self.prepared.get(self.sentence_of(b))?.end.max(b);
        let end = end.min(self.src.len());
        let found = self.cited.first(self.src, b, end);
        let (at, len) = found?;
        let marker = &self.src[at..at + len];
        Some(Attribution {
            speaker: format!("citation {marker}"),
            mention: marker.to_string(),
            cue: "citation".to_string(),
            source: None,
            mention_span: Some((at, at + len)),
            resolved: Resolution::Citation,
            also: Vec::new(),
        })
    }
}

/// The quantity of a hit, with the number's style as the article writes it.
fn quantity_of(h: QuantityHit, src: &str) -> Quantity {
    let (a, b) = h.phrase;
    let n = h.number;
    let stated = Stated {
        qualifier: h.qualifier,
        value: n.value,
        upper: n.upper,
        scale: n.scale,
        decimals: n.decimals,
        has_scale_word: n.scale_word.is_some(),
    };
    Quantity {
        metric: h.metric,
        subject: h.subject,
        value: crate::model::Num(n.value),
        upper: n.upper.map(crate::model::Num),
        qualifier: h.qualifier,
        interval: to_nums(stated.literal()),
        phrase: src[a..b].to_string(),
        unit: n.percent.then(|| "percent".to_string()),
        place: h.place.map(|(a, b)| src[a..b].to_string()),
        part: h.part,
        total: h.total,
        style: NumberStyle {
            scale_word: n.scale_word,
            scale: n.scale,
            separators: n.separators,
            words: n.words,
            decimals: n.decimals,
            number_span: (n.start, n.end),
            qualifier_start: h.qualifier_start,
        },
    }
}

impl Default for Extractor<'static> {
    /// The built-in lexicon, no reference.
    fn default() -> Self {
        Extractor::new(Lexicon::default_ref())
    }
}

impl<'l> Extractor<'l> {
    /// An extractor with `lexicon` (the defaults, or the defaults extended
    /// by a reference) and no known sources.
    pub fn new(lexicon: &'l Lexicon) -> Extractor<'l> {
        Extractor {
            lexicon,
            seed: Registry::new(&[], lexicon),
        }
    }

    /// An extractor that knows a reference's vocabulary and source names.
    pub fn for_reference(reference: &'l crate::reference::Reference) -> Extractor<'l> {
        Extractor::new(&reference.lexicon).with_sources(reference.known_sources())
    }

    /// Speakers named like one of `sources` (name, id or alias) resolve to it.
    pub(crate) fn with_sources(mut self, sources: Vec<KnownSource>) -> Self {
        self.seed = Registry::new(&sources, self.lexicon);
        self
    }

    /// The claims of an article with its id, path, date and title.
    pub fn extract(&self, article: &Article) -> ArticleClaims {
        let (claims, notices) = self.read_article(article);
        ArticleClaims {
            id: article.id.clone(),
            path: article.path.clone(),
            date: article.date,
            title: article.title.clone(),
            claims,
            notices,
        }
    }

    /// The claims of an article, in text order, with ids `c1`, `c2`, ….
    pub fn claims(&self, article: &Article) -> Vec<Claim> {
        self.read_article(article).0
    }

    /// The claims, and the limits reached reading them.
    fn read_article(&self, article: &Article) -> (Vec<Claim>, Vec<crate::model::Notice>) {
        let scan = scan::scan_copy(&article.text);
        let mut registry = self.seed.clone();
        let (mut events, mut hits) = (Vec::new(), Vec::new());
        let mut stopped = false;
        let (prepared, cut) = self.prepare(article, &scan, |index, toks, first, classes| {
            let sent = Sent {
                src: &scan,
                toks,
                first,
                index,
                classes,
                lexicon: self.lexicon,
                subject_memo: Default::default(),
                quoted: Default::default(),
            };
            self.read(&sent, &mut registry, &mut events, &mut hits);
            // past the article's cap the rest is not read (one more kept)
            stopped = events.len() + hits.len() > crate::limits::MAX_CLAIMS_PER_ARTICLE;
            !stopped
        });
        let mut quotes = self.speech_quotes(article, &scan);
        if stopped {
            // the quotations of the sentences read
            let read_to = prepared.last().map_or(0, |p| p.end);
            quotes.retain(|q| q.open < read_to);
        }
        // as many as the cap (one more kept, so the cap shows where): an
        // article of a million short quotations built a claim for each
        // before the cap cut them (2.4 GB for 10 MB)
        quotes.truncate(crate::limits::MAX_CLAIMS_PER_ARTICLE + 1);
        let claims = Claims {
            cited: Default::default(),
            article,
            src: &article.text,
            prepared: &prepared,
            registry: &registry,
            events: &events,
            quotes: &quotes,
            lexicon: self.lexicon,
        };
        // (one vector as long as the most claims can be, sorted through a
        // list of keys: a claim is large, and at 100 MB of text the copies
        // of a growing vector and a stable sort's scratch half were a fifth
        // of the peak memory)
        let mut out = Vec::with_capacity(quotes.len() + events.len() + hits.len());
        claims.quotes(&mut out);
        claims.statements(&mut out);
        claims.quantities(hits, &mut out);
        out.sort_by_cached_key(|c| (c.span.start, c.span.end, c.kind as u8));
        let mut notices = crate::limits::claims_per_sentence(&mut out, |at| claims.sentence_of(at));
        notices.extend(crate::limits::claims_per_article(&mut out));
        notices.extend(cut.map(|at| {
            let end = crate::lang::span::ceil_char_boundary(&article.text, at + 1);
            crate::limits::sentences_per_article(article.lines.span(&article.text, at, end))
        }));
        for (i, c) in out.iter_mut().enumerate() {
            c.id = format!("c{}", i + 1);
        }
        (out, notices)
    }

    /// One sentence read: its speech events (registering speakers as they
    /// come) and quantity hits with their sentence index.
    fn read(
        &self,
        sent: &Sent,
        registry: &mut Registry,
        events: &mut Vec<SpeechEvent>,
        hits: &mut Vec<(usize, QuantityHit)>,
    ) {
        let lx = self.lexicon;
        let mut found = speech::find(sent, registry);
        if found.is_empty() {
            found.extend(self.headline(sent, registry));
        }
        speech::register_names(sent, registry);
        // the sentence's speakers stay the latest mentioned: a name in
        // what they said ("between Mr Mubanga's account and …") is not
        // whom the next "he said" means
        let mut speakers: Vec<_> = found.iter().map(|e| (e.mention.0, e.entity)).collect();
        speakers.sort_unstable();
        for (_, entity) in speakers {
            registry.touch(entity);
        }
        // past the cap the rest of the sentence is not read (the final
        // cap says where); one more than it is kept, so it still shows
        let cap = crate::limits::MAX_CLAIMS_PER_SENTENCE + 1;
        events.extend(found.into_iter().take(cap));
        hits.extend(
            quantity::find(sent, lx)
                .into_iter()
                .take(cap)
                .map(|h| (sent.index, h)),
        );
    }

    /// The quotations of the article that are a speaker's words, not scare
    /// quotes, titles or slogans.
    fn speech_quotes(&self, article: &Article, scan: &str) -> Vec<quotes::QuoteSpan> {
        let src = &article.text;
        quotes::find(scan, article.body_start, src.len())
            .into_iter()
            .filter(|q| {
                let before = tokenize(
                    scan,
                    crate::lang::span::floor_char_boundary(scan, q.open.saturating_sub(40))
                        .max(article.body_start),
                    q.open,
                );
                let before = safe_tail(&before, 3);
                quotes::is_speech(src, q, &before, self.lexicon)
            })
            .collect()
    }
}

fn safe_tail(toks: &[Token], n: usize) -> Vec<String> {
    toks[toks.len().saturating_sub(n)..]
        .iter()
        .map(|t| t.lower.to_string())
        .collect()
}
