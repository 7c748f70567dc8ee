//! Where each pane goes on the screen: a pure function of the terminal size and a few settings,
//! used by both `update` (page sizes, mouse hits) and the views.

use ratatui::layout::Rect;

use crate::config::Side;

/// Smallest usable terminal; below it the reader shows a "too small" message.
pub const MIN_WIDTH: u16 = 40;
pub const MIN_HEIGHT: u16 = 10;
/// Width from which the library is a third pane rather than replacing the speakers pane.
pub const LIBRARY_PANE_MIN_WIDTH: u16 = 120;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Pane {
    Article,
    Speakers,
    Library,
}

/// Pane rectangles. Each pane's first row is its header; the rest is its content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Panes {
    pub article: Rect,
    pub speakers: Option<Rect>,
    pub library: Option<Rect>,
    /// Vertical separators between panes.
    pub separators: [Option<Rect>; 2],
    pub status: Rect,
}

/// What the geometry depends on besides the size.
#[derive(Debug, Clone, Copy)]
pub struct PaneSettings {
    pub article_side: Side,
    pub speakers_width: u16,
    /// The library is to be shown (several articles, and wanted).
    pub library: bool,
    /// The library has the focus: as a third pane it then takes the speakers pane's room too,
    /// so that titles can be read (the article keeps its width and place).
    pub library_focused: bool,
}

impl Panes {
    /// `None` when the terminal is smaller than [`MIN_WIDTH`] x [`MIN_HEIGHT`].
    pub fn compute(area: Rect, s: PaneSettings) -> Option<Panes> {
        if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
            return None;
        }
        let body_h = area.height - 1;
        let status = Rect::new(area.x, area.y + area.height - 1, area.width, 1);
        let side_w = s.speakers_width.clamp(12, (area.width - 1) / 2);
        let third = s.library && area.width >= LIBRARY_PANE_MIN_WIDTH;
        let library_w = if third {
            (area.width / 5).clamp(20, 36)
        } else {
            0
        };
        // Widths from the outer side (away from the article) inwards.
        let mut outer: Vec<(Pane, u16)> = Vec::new();
        if third && s.library_focused {
            outer.push((Pane::Library, library_w + 1 + side_w));
        } else if third {
            outer.push((Pane::Library, library_w));
            outer.push((Pane::Speakers, side_w));
        } else if s.library {
            outer.push((Pane::Library, side_w));
        } else {
            outer.push((Pane::Speakers, side_w));
        }
        let used: u16 = outer.iter().map(|(_, w)| w + 1).sum();
        let article_w = area.width - used;
        let mut order: Vec<(Option<Pane>, u16)> = Vec::new();
        for (i, (pane, w)) in outer.iter().enumerate() {
            if i > 0 {
                order.push((None, 1));
            }
            order.push((Some(*pane), *w));
        }
        order.push((None, 1));
        order.push((Some(Pane::Article), article_w));
        if s.article_side == Side::Left {
            order.reverse();
        }
        let mut panes = Panes {
            article: Rect::default(),
            speakers: None,
            library: None,
            separators: [None, None],
            status,
        };
        let mut x = area.x;
        let mut seps = 0;
        for (pane, w) in order {
            let rect = Rect::new(x, area.y, w, body_h);
            match pane {
                Some(Pane::Article) => panes.article = rect,
                Some(Pane::Speakers) => panes.speakers = Some(rect),
                Some(Pane::Library) => panes.library = Some(rect),
                None => {
                    panes.separators[seps] = Some(rect);
                    seps += 1;
                }
            }
            x += w;
        }
        Some(panes)
    }

    pub fn rect(&self, pane: Pane) -> Option<Rect> {
        match pane {
            Pane::Article => Some(self.article),
            Pane::Speakers => self.speakers,
            Pane::Library => self.library,
        }
    }

    /// The visible panes from left to right.
    pub fn left_to_right(&self) -> Vec<Pane> {
        let mut v: Vec<(u16, Pane)> = [Pane::Article, Pane::Speakers, Pane::Library]
            .into_iter()
            .filter_map(|p| self.rect(p).map(|r| (r.x, p)))
            .collect();
        v.sort();
        v.into_iter().map(|(_, p)| p).collect()
    }
}

/// The content of a pane: below its header row.
pub fn content(rect: Rect) -> Rect {
    Rect::new(
        rect.x,
        rect.y + 1,
        rect.width,
        rect.height.saturating_sub(1),
    )
}

/// Columns kept on the article's right for the speaker badges (a space, then two digits).
pub const BADGE_MARGIN: u16 = 3;

/// Where the article's text goes in its pane: below the header, less the badge margin on the
/// right (the side where right-to-left lines start).
pub fn article_text(rect: Rect) -> Rect {
    let area = content(rect);
    Rect {
        width: area.width.saturating_sub(BADGE_MARGIN),
        ..area
    }
}

/// The first row to show of a list of `len` rows in `height` rows, starting from `offset`, so
/// that row `selected` is on screen and no rows are left empty below the list's end while rows
/// above it are hidden (a list scrolled in a small pane fills up again when the pane grows).
/// A hidden pane (`height` 0) keeps its offset.
pub fn scroll_to_show(offset: usize, selected: Option<usize>, len: usize, height: usize) -> usize {
    if height == 0 {
        return offset;
    }
    let mut offset = offset;
    if let Some(at) = selected {
        offset = offset.min(at);
        if at >= offset + height {
            offset = at + 1 - height;
        }
    }
    offset.min(len.saturating_sub(height))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_focused_library_takes_the_speakers_room_and_leaves_the_article_alone() {
        let area = Rect::new(0, 0, 120, 30);
        let settings = |library_focused| PaneSettings {
            article_side: Side::Right,
            speakers_width: 34,
            library: true,
            library_focused,
        };
        let apart = Panes::compute(area, settings(false)).unwrap();
        let focused = Panes::compute(area, settings(true)).unwrap();
        assert!(apart.speakers.is_some() && focused.speakers.is_none());
        assert_eq!(focused.article, apart.article);
        let (narrow, wide) = (apart.library.unwrap(), focused.library.unwrap());
        assert_eq!(wide.width, narrow.width + 1 + apart.speakers.unwrap().width);
    }

    #[test]
    fn a_list_shows_its_selection_and_fills_its_height() {
        assert_eq!(
            scroll_to_show(0, Some(5), 10, 3),
            3,
            "down to the selection"
        );
        assert_eq!(scroll_to_show(4, Some(2), 10, 3), 2, "up to the selection");
        assert_eq!(scroll_to_show(2, Some(2), 4, 10), 0, "grown: all rows show");
        assert_eq!(
            scroll_to_show(7, None, 8, 3),
            5,
            "no selection: no empty rows"
        );
        assert_eq!(scroll_to_show(2, Some(2), 4, 0), 2, "hidden: unchanged");
    }
}
