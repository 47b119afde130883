//! Who-met-whom graphs drawn at build time as inline SVG: the whole network of
//! meetings between actors, and one actor's counterparts around it.
//!
//! Pure functions only: a [`Graph`] of labelled nodes and weighted edges goes in, a
//! deterministic layout and an SVG string come out. No randomness, no iteration whose
//! result depends on hashing, no script in the output. Every piece of author text is
//! escaped here, since templates print the SVG with `| safe`.

use std::borrow::Cow;
use std::fmt::Write as _;

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
/// Longest label drawn in full; longer ones are cut with an ellipsis (the tooltip keeps the whole name).
const LABEL_CHARS: usize = 28;

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

/// What the SVG says about itself.
pub struct Labels<'a> {
    /// The `id` of the `<title>` element, unique on the page.
    pub id: &'a str,
    /// The graph's accessible name.
    pub title: &'a str,
    /// A longer description (what the lines and their widths mean).
    pub description: &'a str,
}

/// Draws `graph` at `layout` as an inline `<svg>` element. Nodes are links with their
/// name and role as a tooltip; an edge's width grows with its weight; node 0 is drawn
/// as the centre when `highlight_first` is true. The canvas is cropped to what is drawn.
pub fn svg(graph: &Graph, layout: &Layout, labels: &Labels<'_>, highlight_first: bool) -> String {
    let mut body = String::new();
    let mut bounds = Bounds::default();
    let max = graph
        .edges
        .iter()
        .map(|e| e.weight)
        .max()
        .unwrap_or(1)
        .max(1);
    // Many lines are drawn thinner, so that they do not fill the circle.
    let widest = if graph.edges.len() > CROWDED_EDGES {
        3.0
    } else {
        8.0
    };
    // What a line repeats of its two ends is written once per node: a graph has many
    // more lines than nodes.
    struct End<'a> {
        x: String,
        y: String,
        label: Cow<'a, str>,
    }
    let ends: Vec<End<'_>> = graph
        .nodes
        .iter()
        .zip(&layout.points)
        .map(|(node, point)| End {
            x: Tenths(point.x).to_string(),
            y: Tenths(point.y).to_string(),
            label: escape(&node.label),
        })
        .collect();
    body.push_str(r#"<g class="graph__edges">"#);
    for edge in &graph.edges {
        let (Some(a), Some(b)) = (ends.get(edge.a), ends.get(edge.b)) else {
            continue;
        };
        let width = Tenths(stroke_width(edge.weight, max, widest)).to_string();
        let count = meetings(edge.weight);
        // Pieces pushed one after the other: `write!` costs more than the line.
        for piece in [
            r#"<line class="graph__edge" x1=""#,
            &a.x,
            r#"" y1=""#,
            &a.y,
            r#"" x2=""#,
            &b.x,
            r#"" y2=""#,
            &b.y,
            r#"" stroke-width=""#,
            &width,
            r#""><title>"#,
            &a.label,
            " and ",
            &b.label,
            ": ",
            &count,
            "</title></line>",
        ] {
            body.push_str(piece);
        }
    }
    body.push_str(r#"</g><g class="graph__nodes">"#);
    // Crowded circles get labels along the radius, which never overlap.
    let radial = layout.points.len() > RADIAL_FROM;
    for (i, (node, point)) in graph.nodes.iter().zip(&layout.points).enumerate() {
        let centre = highlight_first && i == 0;
        let tooltip = if node.role.is_empty() {
            node.label.clone()
        } else {
            format!("{}: {}", node.label, node.role)
        };
        let text = shorten(&node.label);
        let label = if centre {
            Label {
                x: point.x,
                y: point.y + 24.0,
                anchor: "middle",
                rotate: None,
            }
        } else {
            place_label(*point, layout.centre, radial)
        };
        let radius = if centre { 9.0 } else { 6.0 };
        bounds.include(point.x - radius, point.y - radius);
        bounds.include(point.x + radius, point.y + radius);
        bounds.include_label(&label, *point, text_width(&text, centre));
        let rotate = label
            .rotate
            .map(|deg| {
                format!(
                    r#" transform="rotate({} {} {})""#,
                    Tenths(deg),
                    Tenths(label.x),
                    Tenths(label.y)
                )
            })
            .unwrap_or_default();
        let _ = write!(
            body,
            r#"<a class="graph__node{extra}" href="{href}"><title>{tooltip}</title><circle cx="{x}" cy="{y}" r="{radius}"/><text x="{tx}" y="{ty}" text-anchor="{anchor}"{rotate}>{text}</text></a>"#,
            extra = if centre { " graph__node--centre" } else { "" },
            href = escape(&node.href),
            tooltip = escape(&tooltip),
            x = Tenths(point.x),
            y = Tenths(point.y),
            tx = Tenths(label.x),
            ty = Tenths(label.y),
            anchor = label.anchor,
            text = escape(&text),
        );
    }
    body.push_str("</g>");

    let (x, y, w, h) = bounds.view_box(layout);
    let mut out = String::with_capacity(body.len() + 400);
    let _ = write!(
        out,
        r#"<svg class="graph" xmlns="http://www.w3.org/2000/svg" viewBox="{x:.0} {y:.0} {w:.0} {h:.0}" width="{w:.0}" height="{h:.0}" aria-labelledby="{id}-title {id}-desc"><title id="{id}-title">{title}</title><desc id="{id}-desc">{desc}</desc>"#,
        id = escape(labels.id),
        title = escape(labels.title),
        desc = escape(labels.description),
    );
    out.push_str(&body);
    out.push_str("</svg>");
    out
}

/// The box around everything drawn, grown point by point.
#[derive(Debug, Default)]
struct Bounds {
    area: Option<(f64, f64, f64, f64)>,
}

/// Margin kept around the drawing, in user units.
const MARGIN: f64 = 8.0;
/// Line height of a label, in user units (the font is 12 units).
const LINE: f64 = 14.0;

impl Bounds {
    fn include(&mut self, x: f64, y: f64) {
        self.area = Some(match self.area {
            None => (x, y, x, y),
            Some((x0, y0, x1, y1)) => (x0.min(x), y0.min(y), x1.max(x), y1.max(y)),
        });
    }

    /// A label of `width` units: level ones extend from their anchor along x; radial
    /// ones extend away from the node, along the radius.
    fn include_label(&mut self, label: &Label, node: Point, width: f64) {
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
    fn view_box(&self, layout: &Layout) -> (f64, f64, f64, f64) {
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
fn text_width(text: &str, bold: bool) -> f64 {
    let per_char = if bold { 7.4 } else { 6.9 };
    text.chars().count() as f64 * per_char
}

/// Above this many nodes, labels run along the radius.
const RADIAL_FROM: usize = 16;

/// Where a node's label goes: its baseline point, anchor and rotation in degrees.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Label {
    x: f64,
    y: f64,
    anchor: &'static str,
    rotate: Option<f64>,
}

/// Labels sit outside the circle. Level labels go to the right of nodes on the circle's
/// right half, to the left on its left half, above or below near the top and bottom;
/// radial labels point away from the centre and read left to right on both halves.
fn place_label(point: Point, centre: Point, radial: bool) -> Label {
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

/// Above this many edges, lines are drawn thinner.
const CROWDED_EDGES: usize = 60;

/// Between 1 and `widest` units, by the square root of the weight's share of the largest.
pub fn stroke_width(weight: usize, max: usize, widest: f64) -> f64 {
    let share = weight as f64 / max.max(1) as f64;
    1.0 + (widest - 1.0).max(0.0) * share.clamp(0.0, 1.0).sqrt()
}

fn meetings(n: usize) -> String {
    if n == 1 {
        "1 meeting".into()
    } else {
        format!("{n} meetings")
    }
}

/// `label` cut to [`LABEL_CHARS`] characters, with an ellipsis when cut.
fn shorten(label: &str) -> String {
    if label.chars().count() <= LABEL_CHARS {
        label.to_string()
    } else {
        let mut cut: String = label.chars().take(LABEL_CHARS - 1).collect();
        cut.push('…');
        cut
    }
}

/// A coordinate written to one decimal, as `{:.1}` would but without the cost of
/// exact float formatting, which graphs of thousands of points made a twentieth of a
/// build (halves round away from zero).
struct Tenths(f64);

impl std::fmt::Display for Tenths {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let tenths = (self.0 * 10.0).round();
        if !tenths.is_finite() || tenths.abs() >= 1e15 {
            return write!(f, "{:.1}", self.0);
        }
        let tenths = tenths as i64;
        if tenths < 0 {
            f.write_char('-')?;
        }
        let tenths = tenths.unsigned_abs();
        f.write_str(itoa::Buffer::new().format(tenths / 10))?;
        f.write_char('.')?;
        f.write_char(char::from(b'0' + (tenths % 10) as u8))
    }
}

/// Escapes text for SVG (XML) content and attribute values; most labels need nothing.
pub fn escape(text: &str) -> Cow<'_, str> {
    if !text.contains(['&', '<', '>', '"', '\'']) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn node(label: &str) -> Node {
        Node {
            label: label.into(),
            role: String::new(),
            href: format!("{label}.html"),
        }
    }

    #[test]
    fn circle_puts_the_first_node_on_top_and_keeps_every_node_inside() {
        let layout = circle(12);
        assert_eq!(layout.points.len(), 12);
        let first = layout.points[0];
        assert!((first.x - layout.centre.x).abs() < 1e-9);
        assert!(first.y < layout.centre.y);
        for p in &layout.points {
            assert!(p.x > 100.0 && p.x < layout.width - 100.0, "{p:?}");
            assert!(p.y > 100.0 && p.y < layout.height - 100.0, "{p:?}");
        }
        // Larger graphs get a larger circle.
        assert!(circle(60).width > circle(12).width);
    }

    #[test]
    fn ego_puts_the_first_node_in_the_centre() {
        let layout = ego(5);
        assert_eq!(layout.points.len(), 5);
        assert_eq!(layout.points[0], layout.centre);
        assert!(layout.points[1].y < layout.centre.y);
        assert_eq!(ego(0).points.len(), 0);
        assert_eq!(ego(1).points, vec![ego(1).centre]);
    }

    #[test]
    fn layouts_are_deterministic() {
        assert_eq!(circle(37), circle(37));
        assert_eq!(ego(9), ego(9));
    }

    #[test]
    fn tenths_write_one_decimal() {
        let written: Vec<String> = [0.0, 1.04, 1.06, -2.31, -0.04, 240.0, 1e20]
            .iter()
            .map(|&v| Tenths(v).to_string())
            .collect();
        assert_eq!(
            written,
            [
                "0.0",
                "1.0",
                "1.1",
                "-2.3",
                "0.0",
                "240.0",
                "100000000000000000000.0"
            ]
        );
    }

    #[test]
    fn stroke_width_grows_with_weight_and_stays_bounded() {
        assert!(stroke_width(1, 10, 8.0) < stroke_width(5, 10, 8.0));
        assert!((stroke_width(10, 10, 8.0) - 8.0).abs() < 1e-9);
        assert!((stroke_width(10, 10, 3.0) - 3.0).abs() < 1e-9);
        assert!(stroke_width(1, 1, 8.0) <= 8.0);
        assert!(stroke_width(0, 0, 8.0) >= 1.0);
    }

    #[test]
    fn svg_escapes_every_label_and_links_every_node() {
        let graph = Graph {
            nodes: vec![
                Node {
                    label: "A <b>&\"'".into(),
                    role: "</svg><script>alert(1)</script>".into(),
                    href: "../x/index.html?a=1&b=2".into(),
                },
                node("Bee"),
            ],
            edges: vec![Edge {
                a: 0,
                b: 1,
                weight: 3,
            }],
        };
        let labels = Labels {
            id: "g\"1",
            title: "Title <i>",
            description: "Desc & more",
        };
        let svg = svg(&graph, &circle(2), &labels, false);
        assert!(!svg.contains("<script"), "{svg}");
        assert!(!svg.contains("<b>"));
        assert!(!svg.contains("<i>"));
        assert!(svg.contains("A &lt;b&gt;&amp;&quot;&#39;"));
        assert!(svg.contains("&lt;/svg&gt;&lt;script&gt;"));
        assert!(svg.contains(r#"href="../x/index.html?a=1&amp;b=2""#));
        assert!(svg.contains(r#"href="Bee.html""#));
        assert!(svg.contains("Desc &amp; more"));
        assert!(svg.contains("3 meetings"));
        assert_eq!(svg.matches("<a ").count(), 2);
        assert_eq!(svg.matches("<line ").count(), 1);
        assert!(svg.starts_with("<svg ") && svg.ends_with("</svg>"));
    }

    #[test]
    fn long_labels_are_shortened_but_tooltips_keep_them() {
        let long = "The Extraordinarily Long Name of a Delegation";
        let graph = Graph {
            nodes: vec![node(long)],
            edges: vec![],
        };
        let labels = Labels {
            id: "g",
            title: "t",
            description: "d",
        };
        let svg = svg(&graph, &ego(1), &labels, true);
        assert!(svg.contains(&format!("<title>{long}</title>")));
        assert!(svg.contains("The Extraordinarily Long Na…</text>"));
        assert!(svg.contains("graph__node--centre"));
    }

    #[test]
    fn edges_to_missing_nodes_are_skipped() {
        let graph = Graph {
            nodes: vec![node("a")],
            edges: vec![Edge {
                a: 0,
                b: 7,
                weight: 1,
            }],
        };
        let labels = Labels {
            id: "g",
            title: "t",
            description: "d",
        };
        assert!(!svg(&graph, &circle(1), &labels, false).contains("<line"));
    }
}
