//! Line breaking in logical order: greedy, at UAX #14 opportunities, measuring the cells each
//! cluster paints after shaping. A word wider than the line breaks between two clusters; a
//! cluster wider than the whole line gets a line of its own (and is painted as a placeholder).
//! Spaces and tabs at the end of a line hang: they never make a line overflow.

use std::ops::Range;

use super::breaks::last_break;
use super::cluster::{Cluster, Kind};

/// Shown instead of a grapheme wider than the whole line (a 2-cell glyph in a 1-cell pane).
pub(crate) const TOO_WIDE: &str = "\u{25AF}";

/// Cells a tab takes at `column` (at least one).
pub(crate) fn tab_cells(column: u32, tab_width: u8) -> u16 {
    let tab = tab_width.max(1) as u32;
    (tab - column % tab) as u16
}

/// Cuts `clusters` of the sanitised paragraph `clean` into lines at most `width` cells wide,
/// pushed to `lines` as cluster index ranges (always at least one line). Sets every cluster's
/// `width` (tabs) and `painted`.
pub(crate) fn wrap(
    clean: &str,
    clusters: &mut [Cluster],
    width: u16,
    tab_width: u8,
    lines: &mut Vec<Range<usize>>,
) {
    let max = width.max(1) as u32;
    let n = clusters.len();
    let mut start = 0;
    let mut used: u32 = 0;
    let mut i = 0;
    while i < n {
        if i > start && clusters[i].forced_break {
            end_line(clusters, start..i, width, lines);
            (start, used) = (i, 0);
        }
        let cluster = &mut clusters[i];
        if cluster.kind == Kind::Tab {
            cluster.width = tab_cells(used, tab_width);
        }
        let w = cluster.width as u32;
        if !cluster.hangs() && used + w > max && i > start {
            let cut = last_break(clean, clusters, start, i).unwrap_or(i);
            end_line(clusters, start..cut, width, lines);
            // Measure again what moves to the next line (tab stops move with it).
            (start, used, i) = (cut, 0, cut);
            continue;
        }
        used += w;
        i += 1;
    }
    end_line(clusters, start..n, width, lines);
}

/// Records one line and decides what its clusters paint: all of it, except that trailing spaces
/// and tabs shrink (down to nothing) to fit and that a cluster wider than the line gets one cell.
pub(crate) fn end_line(
    clusters: &mut [Cluster],
    range: Range<usize>,
    width: u16,
    lines: &mut Vec<Range<usize>>,
) {
    fit(&mut clusters[range.clone()], width);
    lines.push(range);
}

/// Sets `painted` so that the clusters fit in `width` cells.
pub(crate) fn fit(line: &mut [Cluster], width: u16) {
    let max = width.max(1);
    let trailing = line
        .iter()
        .rev()
        .take_while(|c| c.hangs() || c.kind == Kind::Invisible)
        .count();
    let body = line.len() - trailing;
    let mut total: u16 = 0;
    for c in &mut line[..body] {
        c.painted = match c.width {
            w if w <= max => w,
            _ if c.hangs() => max.saturating_sub(total),
            _ => 1, // painted as TOO_WIDE
        };
        total = total.saturating_add(c.painted);
    }
    for c in &mut line[body..] {
        c.painted = c.width.min(max.saturating_sub(total));
        total += c.painted;
    }
}
