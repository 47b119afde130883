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
}

/// Room left around the circle for the labels, in user units.
const LABEL_ROOM: f64 = 160.0;

/// Places `n` nodes evenly on a circle, the first at the top, going clockwise. The
/// radius grows with `n` so that neighbouring labels keep apart.
pub fn circle(n: usize) -> Layout {
    let radius = (n as f64 * 20.0 / std::f64::consts::TAU).max(90.0);
    let size = 2.0 * (radius + LABEL_ROOM);
    let centre = Point {
        x: size / 2.0,
        y: size / 2.0,
    };
    let points = (0..n)
        .map(|i| on_circle(centre, radius, i, n))
        .collect::<Vec<_>>();
    Layout {
        points,
        width: size,
        height: size,
        centre,
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
    points.extend((0..around).map(|i| on_circle(centre, radius, i, around)));
    Layout {
        points,
        width: size,
        height: size,
        centre,
    }
}

fn on_circle(centre: Point, radius: f64, i: usize, n: usize) -> Point {
    let angle = std::f64::consts::TAU * i as f64 / n.max(1) as f64 - std::f64::consts::FRAC_PI_2;
    Point {
        x: centre.x + radius * angle.cos(),
        y: centre.y + radius * angle.sin(),
    }
}

#[cfg(test)]
mod tests;
