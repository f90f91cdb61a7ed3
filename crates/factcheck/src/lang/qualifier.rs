//! Qualifiers and the intervals of values a stated figure is consistent with.
//!
//! | qualifier  | phrase                 | interval                          |
//! |------------|------------------------|-----------------------------------|
//! | exact      | 143                    | [143, 143]                        |
//! | exact      | 4 million, 4.2 million | ± half the last stated digit: [3.5M, 4.5M], [4.15M, 4.25M] |
//! | more_than  | more than 140          | [141, ∞)  (check caps it at ×`more_than_factor`) |
//! | at_least   | at least 12            | [12, ∞)   (check caps it at ×`more_than_factor`) |
//! | fewer_than | fewer than 50          | [0, 49]                           |
//! | at_most    | at most 50             | [0, 50]                           |
//! | about      | about 300              | [270, 330] (±`about_pct`, 10%)    |
//! | almost     | almost 4 million       | [3.6M, 4M] (down to −`almost_pct`, 10%) |
//! | up_to      | up to 500, as many as 500 | [400, 500] (down to −`up_to_pct`, 20%: an upper estimate says the figure reaches about 500) |
//! | range      | 2-3 million            | [2M, 3M]                          |
//! | vague      | thousands              | [2×unit, 10×unit − 1]: [2000, 9999] |

use crate::model::{Num, Qualifier};

/// The knobs of the table above; a reference may override them under `settings:`.
#[derive(
    Debug, Clone, Copy, PartialEq, serde::Deserialize, serde::Serialize, schemars::JsonSchema,
)]
#[serde(deny_unknown_fields, default)]
pub struct Intervals {
    /// "more than X" / "at least X" are held to at most X × this factor.
    pub more_than_factor: f64,
    /// "about X" is X ± this share.
    pub about_pct: f64,
    /// "almost X" reaches down to X × (1 − this share).
    pub almost_pct: f64,
    /// "up to X" / "as many as X" reach down to X × (1 − this share): an
    /// upper estimate says the figure comes near X, not that it may be 0.
    pub up_to_pct: f64,
    /// Vague plurals reach from `vague_low` × unit to `vague_high` × unit − 1.
    pub vague_low: f64,
    /// See `vague_low`.
    pub vague_high: f64,
}

impl Default for Intervals {
    fn default() -> Self {
        Intervals {
            more_than_factor: 1.5,
            about_pct: 0.10,
            almost_pct: 0.10,
            up_to_pct: 0.20,
            vague_low: 2.0,
            vague_high: 10.0,
        }
    }
}

/// What a figure states: everything needed to derive its interval.
#[derive(Debug, Clone, Copy)]
pub struct Stated {
    /// How the figure is hedged ("more than", "about", exact).
    pub qualifier: Qualifier,
    /// The number, scale applied; the low end of a range.
    pub value: f64,
    /// The high end of a range, if any.
    pub upper: Option<f64>,
    /// The scale of the scale word (1e6 for "million"); 1 when digits alone.
    pub scale: f64,
    /// Digits after the decimal point: "3.9 million" is exact to 0.1 million.
    pub decimals: usize,
    /// Written with a scale word, so rounding to the stated digits is implied.
    pub has_scale_word: bool,
}

impl Stated {
    /// Half the value of the last stated digit: "4 million" → 500,000.
    fn half_precision(&self) -> f64 {
        if self.has_scale_word {
            0.5 * self.scale / 10f64.powi(self.decimals as i32)
        } else {
            0.0
        }
    }

    fn step(&self) -> f64 {
        if self.value.fract() == 0.0 && !self.has_scale_word {
            1.0
        } else {
            0.0
        }
    }

    /// The interval the words themselves say; `None` where they set no bound.
    pub fn literal(&self) -> [Option<f64>; 2] {
        self.interval(&Intervals::default(), false)
    }

    /// The interval used to judge the figure; open ends capped as configured.
    pub fn bounded(&self, k: &Intervals) -> [Option<f64>; 2] {
        self.interval(k, true)
    }

    fn interval(&self, k: &Intervals, bounded: bool) -> [Option<f64>; 2] {
        let v = self.value;
        let cap = |x: f64| bounded.then_some(x * k.more_than_factor);
        match self.qualifier {
            Qualifier::Exact => {
                let h = self.half_precision();
                [Some(v - h), Some(v + h)]
            }
            Qualifier::MoreThan => [Some(v + self.step()), cap(v)],
            Qualifier::AtLeast => [Some(v), cap(v)],
            Qualifier::FewerThan => [Some(0.0), Some(v - self.step())],
            Qualifier::AtMost => [Some(0.0), Some(v)],
            Qualifier::UpTo if bounded => [Some(v * (1.0 - k.up_to_pct)), Some(v)],
            Qualifier::UpTo => [Some(0.0), Some(v)],
            Qualifier::About => [Some(v * (1.0 - k.about_pct)), Some(v * (1.0 + k.about_pct))],
            Qualifier::Almost => [Some(v * (1.0 - k.almost_pct)), Some(v)],
            Qualifier::Range => [Some(v), Some(self.upper.unwrap_or(v))],
            Qualifier::Vague => [Some(v * k.vague_low), Some(v * k.vague_high - 1.0)],
        }
    }
}

/// Round an interval's ends for output (no 3599999.9999).
pub fn to_nums(iv: [Option<f64>; 2]) -> [Option<Num>; 2] {
    let r = |x: f64| {
        let rounded = (x * 1e6).round() / 1e6;
        Num(rounded)
    };
    [iv[0].map(r), iv[1].map(r)]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn st(q: Qualifier, v: f64, scale: f64, decimals: usize) -> Stated {
        Stated {
            qualifier: q,
            value: v,
            upper: None,
            scale,
            decimals,
            has_scale_word: scale > 1.0,
        }
    }

    #[test]
    fn precision_of_round_numbers() {
        assert_eq!(
            st(Qualifier::Exact, 4e6, 1e6, 0).literal(),
            [Some(3.5e6), Some(4.5e6)]
        );
        let iv = st(Qualifier::Exact, 4.2e6, 1e6, 1).literal();
        assert!((iv[0].unwrap() - 4.15e6).abs() < 1.0 && (iv[1].unwrap() - 4.25e6).abs() < 1.0);
        assert_eq!(
            st(Qualifier::Exact, 143.0, 1.0, 0).literal(),
            [Some(143.0), Some(143.0)]
        );
    }

    #[test]
    fn open_ends_are_capped_only_when_judging() {
        let s = st(Qualifier::MoreThan, 140.0, 1.0, 0);
        assert_eq!(s.literal(), [Some(141.0), None]);
        assert_eq!(s.bounded(&Intervals::default()), [Some(141.0), Some(210.0)]);
    }
}
