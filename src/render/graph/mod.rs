//! Who-met-whom graphs drawn at build time as inline SVG: the whole network of
//! meetings between actors, and one actor's counterparts around it.
//!
//! Pure functions only: a [`Graph`] of labelled nodes and weighted edges goes in, a
//! deterministic layout and an SVG string come out. No randomness, no iteration whose
//! result depends on hashing, no script in the output. Every piece of author text is
//! escaped here, since templates print the SVG with `| safe`.

mod labels;
mod svg;

pub use svg::{Labels, escape, stroke_width, svg};

/// One actor in a graph.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    /// The visible label (the actor's name).
    pub label: String,
    /// The tooltip (the actor's role); may be empty.
    pub role: String,
    /// Where the node links to, already relative to the page that shows the graph.
    pub href: String,
}

/// A pair of nodes that met, `weight` times.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Edge {
    pub a: usize,
    pub b: usize,
    pub weight: usize,
}

/// Nodes and the edges between them (indices into `nodes`).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Graph {
    pub nodes: Vec<Node>,
    pub edges: Vec<Edge>,
}

/// A node's position in SVG user units.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Point {
    pub x: f64,
    pub y: f64,
}

/// A laid-out graph ready to draw: where each node sits and the size of the canvas.
#[derive(Debug, Clone, PartialEq)]
pub struct Layout {
    pub points: Vec<Point>,
    pub width: f64,
    pub height: f64,
    /// The centre of the circle, from which labels point outwards.
    pub centre: Point,
    /// How the drawing shows on the page: CSS pixels per user unit where there is
    /// room (labels are 12 units), and the least it shrinks to on a narrow screen,
    /// below which it scrolls sideways instead (`None`: it shrinks to any width).
    pub scale: f64,
    pub least_scale: Option<f64>,
}

/// The network's scale where there is room: its 12-unit labels show at 15 px.
pub const NETWORK_SCALE: f64 = 1.25;
/// The least scale of the network on a phone: its labels never show under 11 px.
pub const NETWORK_LEAST_SCALE: f64 = 11.0 / 12.0;

/// The least radius of the network's circle: a few actors are spread over the page's
/// width too, not drawn in a corner of it.
const NETWORK_RADIUS: f64 = 220.0;

/// Room left around the circle for the labels, in user units.
const LABEL_ROOM: f64 = 160.0;

/// Places `n` nodes evenly on a circle, the first at the top (two side by side), going
/// clockwise: the
/// network's drawing, shown at [`NETWORK_SCALE`]. The radius grows with `n` so that
/// neighbouring labels keep apart.
pub fn circle(n: usize) -> Layout {
    let radius = (n as f64 * 20.0 / std::f64::consts::TAU).max(NETWORK_RADIUS);
    let size = 2.0 * (radius + LABEL_ROOM);
    let centre = Point {
        x: size / 2.0,
        y: size / 2.0,
    };
    // Two actors side by side, a line across the page rather than down it.
    let start = if n == 2 {
        std::f64::consts::FRAC_PI_2
    } else {
        0.0
    };
    let points = (0..n)
        .map(|i| on_circle(centre, radius, i, n, start))
        .collect::<Vec<_>>();
    Layout {
        points,
        width: size,
        height: size,
        centre,
        scale: NETWORK_SCALE,
        least_scale: Some(NETWORK_LEAST_SCALE),
    }
}

/// Places node 0 in the centre and the `n - 1` others on a circle around it.
pub fn ego(n: usize) -> Layout {
    let around = n.saturating_sub(1);
    let radius = (around as f64 * 18.0 / std::f64::consts::TAU).max(80.0);
    let size = 2.0 * (radius + LABEL_ROOM);
    let centre = Point {
        x: size / 2.0,
        y: size / 2.0,
    };
    let mut points = Vec::with_capacity(n);
    if n > 0 {
        points.push(centre);
    }
    points.extend((0..around).map(|i| on_circle(centre, radius, i, around, 0.0)));
    Layout {
        points,
        width: size,
        height: size,
        centre,
        scale: 1.0,
        least_scale: None,
    }
}

/// The `i`th of `n` points on the circle, the first at the top turned clockwise by
/// `start` radians.
fn on_circle(centre: Point, radius: f64, i: usize, n: usize, start: f64) -> Point {
    let angle =
        std::f64::consts::TAU * i as f64 / n.max(1) as f64 - std::f64::consts::FRAC_PI_2 - start;
    Point {
        x: centre.x + radius * angle.cos(),
        y: centre.y + radius * angle.sin(),
    }
}

#[cfg(test)]
mod tests;
