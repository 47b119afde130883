//! The labels of a drawing: on which side of its node each one goes (pointing away
//! from the centre, along the radius when the circle is crowded), how wide its text
//! is, and the bounds of everything drawn, to which the canvas is cropped.
//!
//! It measures and places; it writes no SVG and escapes nothing (`svg` does).

use super::{Layout, Point};

/// The box around everything drawn, grown point by point.
#[derive(Debug, Default)]
pub(super) struct Bounds {
    area: Option<(f64, f64, f64, f64)>,
}

/// Margin kept around the drawing, in user units.
pub(super) const MARGIN: f64 = 8.0;

/// Line height of a label, in user units (the font is 12 units).
pub(super) const LINE: f64 = 14.0;

impl Bounds {
    pub(super) fn include(&mut self, x: f64, y: f64) {
        self.area = Some(match self.area {
            None => (x, y, x, y),
            Some((x0, y0, x1, y1)) => (x0.min(x), y0.min(y), x1.max(x), y1.max(y)),
        });
    }

    /// A label of `width` units: level ones extend from their anchor along x; radial
    /// ones extend away from the node, along the radius.
    pub(super) fn include_label(&mut self, label: &Label, node: Point, width: f64) {
        match label.rotate {
            Some(_) => {
                let (dx, dy) = (label.x - node.x, label.y - node.y);
                let length = (dx * dx + dy * dy).sqrt().max(1.0);
                let (ux, uy) = (dx / length, dy / length);
                let (ex, ey) = (label.x + ux * width, label.y + uy * width);
                for (x, y) in [(label.x, label.y), (ex, ey)] {
                    self.include(x - LINE / 2.0, y - LINE / 2.0);
                    self.include(x + LINE / 2.0, y + LINE / 2.0);
                }
            }
            None => {
                let (x0, x1) = match label.anchor {
                    "start" => (label.x, label.x + width),
                    "end" => (label.x - width, label.x),
                    _ => (label.x - width / 2.0, label.x + width / 2.0),
                };
                self.include(x0, label.y - LINE + 3.0);
                self.include(x1, label.y + 4.0);
            }
        }
    }

    /// `x, y, width, height` of the view box: the bounds and a margin, or the whole
    /// layout when nothing was drawn.
    pub(super) fn view_box(&self, layout: &Layout) -> (f64, f64, f64, f64) {
        match self.area {
            Some((x0, y0, x1, y1)) => (
                (x0 - MARGIN).floor(),
                (y0 - MARGIN).floor(),
                (x1 - x0 + 2.0 * MARGIN).ceil(),
                (y1 - y0 + 2.0 * MARGIN).ceil(),
            ),
            None => (0.0, 0.0, layout.width, layout.height),
        }
    }
}

/// An estimate of a label's width at 12 units a letter-height: enough to keep it
/// inside the view box without measuring fonts.
pub(super) fn text_width(text: &str, bold: bool) -> f64 {
    let per_char = if bold { 7.4 } else { 6.9 };
    text.chars().count() as f64 * per_char
}

/// Above this many nodes, labels run along the radius.
pub(super) const RADIAL_FROM: usize = 16;

/// Where a node's label goes: its baseline point, anchor and rotation in degrees.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Label {
    pub(super) x: f64,
    pub(super) y: f64,
    pub(super) anchor: &'static str,
    pub(super) rotate: Option<f64>,
}

/// Labels sit outside the circle. Level labels go to the right of nodes on the circle's
/// right half, to the left on its left half, above or below near the top and bottom;
/// radial labels point away from the centre and read left to right on both halves.
pub(super) fn place_label(point: Point, centre: Point, radial: bool) -> Label {
    let (dx, dy) = (point.x - centre.x, point.y - centre.y);
    let length = (dx * dx + dy * dy).sqrt();
    if length < 1.0 {
        return Label {
            x: point.x,
            y: point.y - 12.0,
            anchor: "middle",
            rotate: None,
        };
    }
    let (ux, uy) = (dx / length, dy / length);
    if radial {
        let degrees = uy.atan2(ux).to_degrees();
        // 4 units along the text's own "down", since its y is the baseline.
        let (x, y) = (point.x + ux * 10.0, point.y + uy * 10.0);
        return if ux >= 0.0 {
            Label {
                x: x - uy * 4.0,
                y: y + ux * 4.0,
                anchor: "start",
                rotate: Some(degrees),
            }
        } else {
            Label {
                x: x + uy * 4.0,
                y: y - ux * 4.0,
                anchor: "end",
                rotate: Some(degrees + 180.0),
            }
        };
    }
    let anchor = if ux > 0.25 {
        "start"
    } else if ux < -0.25 {
        "end"
    } else {
        "middle"
    };
    Label {
        x: point.x + ux * 11.0,
        y: point.y + uy * 11.0 + 4.0 + if uy > 0.9 { 6.0 } else { 0.0 },
        anchor,
        rotate: None,
    }
}
