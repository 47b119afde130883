//! Layouts and drawings of small graphs: deterministic, escaped, cropped to what is
//! drawn.

use super::svg::Tenths;
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
    // Larger graphs get a larger circle; a small one is as large as a page's width.
    assert!(circle(100).width > circle(12).width);
    assert_eq!(circle(2).width, circle(12).width);
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

/// The attribute `name="..."` of the `<svg>` element, as a number.
fn svg_number(svg: &str, name: &str) -> f64 {
    let head = &svg[..svg.find('>').expect("a tag")];
    let at = head.find(&format!(" {name}=\"")).expect(name) + name.len() + 3;
    let value = &head[at..];
    let value = &value[..value.find('"').expect("a quote")];
    value.trim_end_matches("px").parse().expect("a number")
}

/// The network shows at 1.25 pixels a unit where there is room and never under 11/12
/// on a phone (its min-width); an actor's own graph shows at its size and shrinks freely.
#[test]
fn the_network_is_shown_larger_than_drawn_and_shrinks_only_so_far() {
    let graph = Graph {
        nodes: vec![node("Alpha"), node("Beta"), node("Gamma")],
        edges: vec![Edge {
            a: 0,
            b: 1,
            weight: 1,
        }],
    };
    let labels = Labels {
        id: "g",
        title: "t",
        description: "d",
    };
    let network = svg(&graph, &circle(3), &labels, false);
    let view_box: Vec<f64> = {
        let at = network.find("viewBox=\"").expect("a view box") + 9;
        let rest = &network[at..];
        rest[..rest.find('"').expect("a quote")]
            .split(' ')
            .map(|n| n.parse().expect("a number"))
            .collect()
    };
    let (w, h) = (view_box[2], view_box[3]);
    assert_eq!(svg_number(&network, "width"), (w * NETWORK_SCALE).round());
    assert_eq!(svg_number(&network, "height"), (h * NETWORK_SCALE).round());
    assert!(network.contains(&format!(
        r#"style="min-width: {}px""#,
        (w * NETWORK_LEAST_SCALE).ceil()
    )));
    // Three actors are spread wide too: over 500 px where there is room.
    assert!(w * NETWORK_SCALE > 500.0, "{w}");

    let own = svg(&graph, &ego(3), &labels, true);
    assert!(!own.contains("min-width"), "{own}");
    assert!(own.contains(r#"viewBox="#));
    let at = own.find("viewBox=\"").expect("a view box") + 9;
    let rest = &own[at..];
    let own_w: f64 = rest[..rest.find('"').expect("a quote")]
        .split(' ')
        .nth(2)
        .expect("a width")
        .parse()
        .expect("a number");
    assert_eq!(svg_number(&own, "width"), own_w);
}
