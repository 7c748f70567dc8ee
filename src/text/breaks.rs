//! UAX #14 line-break opportunities, found lazily: the greedy wrapper only needs the last
//! opportunity before the cluster that overflows a line, so only a short window before it is run
//! through unicode-linebreak (from a point where, per `split_at_safe`, the breaks no longer depend
//! on what came before), not the whole paragraph. A window without an opportunity (a long word)
//! is widened to the whole line.

use unicode_linebreak::{BreakOpportunity, linebreaks, split_at_safe};

use super::cluster::Cluster;

/// Clusters looked back from the overflow point before widening to the whole line: enough for
/// the words of most languages.
const LOOK_BACK: usize = 24;

/// The last cluster index `k` in `start + 1..=overflow` before which a line may break, if any.
pub(crate) fn last_break(
    clean: &str,
    clusters: &[Cluster],
    start: usize,
    overflow: usize,
) -> Option<usize> {
    let near = overflow.saturating_sub(LOOK_BACK).max(start + 1);
    scan(clean, clusters, near, overflow).or_else(|| {
        if near > start + 1 {
            scan(clean, clusters, start + 1, near - 1)
        } else {
            None
        }
    })
}

/// The last cluster index in `from..=to` that starts at a break opportunity.
fn scan(clean: &str, clusters: &[Cluster], from: usize, to: usize) -> Option<usize> {
    let first = clusters[from].clean_start as usize;
    let last = clusters[to].clean_start as usize;
    // The window ends after the first char of cluster `to`: the break before a char is decided
    // when that char is read.
    let end = last + clean[last..].chars().next().map_or(0, char::len_utf8);
    let (before, _) = split_at_safe(&clean[..first]);
    let offset = before.len();
    let mut k = from;
    let mut found = None;
    for (pos, opportunity) in linebreaks(&clean[offset..end]) {
        let pos = (offset + pos) as u32;
        while k <= to && clusters[k].clean_start < pos {
            k += 1;
        }
        if k > to {
            break;
        }
        if clusters[k].clean_start == pos && opportunity == BreakOpportunity::Allowed {
            found = Some(k);
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::LayoutOptions;
    use crate::text::layout::Layouter;
    use proptest::prelude::*;

    /// Every cluster index before which the whole-paragraph run of unicode-linebreak allows a
    /// break (the straightforward way).
    fn all_breaks(clean: &str, clusters: &[Cluster]) -> Vec<usize> {
        let starts: Vec<u32> = clusters.iter().map(|c| c.clean_start).collect();
        linebreaks(clean)
            .filter(|&(_, o)| o == BreakOpportunity::Allowed)
            .filter_map(|(pos, _)| starts.iter().position(|&s| s as usize == pos))
            .collect()
    }

    const PIECES: &[&str] = &[
        "مرحبا",
        "لا",
        "abc",
        "15",
        "٣٤",
        " ",
        "  ",
        "(",
        ")",
        "«",
        "»",
        "-",
        "—",
        "/",
        ".",
        ",",
        "!",
        "%",
        "$",
        "\u{A0}",
        "\u{200B}",
        "\u{64E}",
        "中",
        "'",
        "\"",
        "\t",
        "#",
        "?",
        "e\u{301}",
    ];

    proptest! {
        #![proptest_config(crate::text::proptest_config(2000))]
        #[test]
        fn lazy_breaks_match_the_whole_paragraph_run(
            pieces in proptest::collection::vec(proptest::sample::select(PIECES), 1..60),
            start_frac in 0.0f64..1.0,
        ) {
            let text: String = pieces.concat();
            let clusters = Layouter::new().clusters_of(&text, &LayoutOptions::default());
            let n = clusters.len();
            prop_assume!(n >= 2);
            let start = ((n - 2) as f64 * start_frac) as usize;
            let all = all_breaks(&text, &clusters);
            for overflow in start + 1..n {
                let want = all.iter().copied().filter(|&k| k > start && k <= overflow).max();
                prop_assert_eq!(last_break(&text, &clusters, start, overflow), want, "{:?}", text);
            }
        }
    }
}
