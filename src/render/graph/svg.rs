//! Drawing a laid-out [`Graph`] as an inline `<svg>`: nodes as links with their
//! tooltips, edges whose width grows with their weight, numbers written to a tenth,
//! and every piece of author text escaped ([`escape`]), since templates print the SVG
//! with `| safe`.
//!
//! It draws where the layout says; where nodes sit is `graph`'s, and where a label
//! goes and how much room it takes is `labels`'s.

use std::borrow::Cow;
use std::fmt::Write as _;

use super::labels::{Bounds, Label, RADIAL_FROM, place_label, text_width};
use super::{Graph, Layout};

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
    // Shown at `scale` where there is room (the width and height), shrunk to the
    // page's width below it, but never under `least_scale` (then it scrolls).
    let (shown_w, shown_h) = ((w * layout.scale).round(), (h * layout.scale).round());
    let least = layout
        .least_scale
        .map(|least| format!(r#" style="min-width: {}px""#, (w * least).ceil()))
        .unwrap_or_default();
    let mut out = String::with_capacity(body.len() + 400);
    let _ = write!(
        out,
        r#"<svg class="graph" xmlns="http://www.w3.org/2000/svg" viewBox="{x:.0} {y:.0} {w:.0} {h:.0}" width="{shown_w:.0}" height="{shown_h:.0}"{least} aria-labelledby="{id}-title {id}-desc"><title id="{id}-title">{title}</title><desc id="{id}-desc">{desc}</desc>"#,
        id = escape(labels.id),
        title = escape(labels.title),
        desc = escape(labels.description),
    );
    out.push_str(&body);
    out.push_str("</svg>");
    out
}

/// Above this many edges, lines are drawn thinner.
pub(super) const CROWDED_EDGES: usize = 60;

/// Between 1 and `widest` units, by the square root of the weight's share of the largest.
pub fn stroke_width(weight: usize, max: usize, widest: f64) -> f64 {
    let share = weight as f64 / max.max(1) as f64;
    1.0 + (widest - 1.0).max(0.0) * share.clamp(0.0, 1.0).sqrt()
}

pub(super) fn meetings(n: usize) -> String {
    if n == 1 {
        "1 meeting".into()
    } else {
        format!("{n} meetings")
    }
}

/// Longest label drawn in full; longer ones are cut with an ellipsis (the tooltip keeps the whole name).
pub(super) const LABEL_CHARS: usize = 28;

/// `label` cut to [`LABEL_CHARS`] characters, with an ellipsis when cut.
pub(super) fn shorten(label: &str) -> String {
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
pub(super) struct Tenths(pub(super) f64);

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
